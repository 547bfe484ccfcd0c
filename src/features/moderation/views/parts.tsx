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
