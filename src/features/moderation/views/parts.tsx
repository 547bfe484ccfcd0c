import type { ComponentChildren } from "preact";
import { ErrorSummary, type FieldErrors, formTitle } from "../../../infra/html/form.js";
import { Layout } from "../../../infra/html/layout.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import { formatDateTime, type MessageKey } from "../../../infra/i18n/i18n.js";
import type { PostView } from "../../board/present.js";
import { authorName, type BoardGroup, PostBody, threadPath } from "../../board/views/parts.js";
import type { ReportReason } from "../tables.js";

export const reasonWords: Record<ReportReason, MessageKey> = {
  unkind: "moderation.reason.unkind",
  personal_details: "moderation.reason.personal_details",
  advertising: "moderation.reason.advertising",
  off_topic: "moderation.reason.off_topic",
  other: "moderation.reason.other",
};

export const reportsPath = (group: { slug: string }) => `/groups/${group.slug}/board/reports`;
export const postInThread = (group: { slug: string }, post: Pick<PostView, "id" | "threadId">) =>
  `${threadPath(group, post.threadId)}#post-${post.id}`;

/** One question's page: its title, the way back, and the summary of what to put right. */
export function FormPage({
  ctx,
  title,
  back,
  errors = {},
  children,
}: {
  ctx: PageContext;
  title: string;
  back: string;
  errors?: FieldErrors;
  children: ComponentChildren;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={formTitle(t, title, errors)}>
      <ErrorSummary t={t} errors={errors} />
      <p>
        <a href={back}>{t("site.back")}</a>
      </p>
      <h1>{title}</h1>
      {children}
    </Layout>
  );
}

/** The post the page is about, as the reader may read it: who wrote it, when, and its words. */
export function QuotedPost({
  ctx,
  group,
  post,
}: {
  ctx: PageContext;
  group: BoardGroup;
  post: PostView;
}) {
  return (
    <figure class="quoted-post">
      <figcaption>
        <strong>{authorName(ctx, post)}</strong>
        {" · "}
        <time dateTime={post.createdAt.toISOString()}>
          {formatDateTime(post.createdAt, ctx.lang, group.timeZone)}
        </time>
      </figcaption>
      <blockquote>
        <PostBody ctx={ctx} post={post} />
      </blockquote>
    </figure>
  );
}
