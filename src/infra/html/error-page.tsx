import type { MessageKey } from "../i18n/i18n.js";
import { Layout } from "./layout.js";
import type { PageContext } from "./page-context.js";

export function ErrorPage({
  ctx,
  title,
  body,
  params,
}: {
  ctx: PageContext;
  title: MessageKey;
  body: MessageKey;
  params?: Record<string, string | number>;
}) {
  return (
    <Layout ctx={ctx} title={ctx.t(title)}>
      <h1>{ctx.t(title)}</h1>
      <p>{ctx.t(body, params)}</p>
      <p>
        <a href="/">{ctx.t("site.home")}</a>
      </p>
    </Layout>
  );
}
