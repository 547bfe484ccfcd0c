import { Layout } from "./layout.js";
import type { PageContext } from "./page-context.js";

/** A page that says one thing, with a way home. */
export function MessagePage({
  ctx,
  title,
  body,
}: {
  ctx: PageContext;
  title: string;
  body: string;
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href="/">{ctx.t("site.home")}</a>
      </p>
    </Layout>
  );
}
