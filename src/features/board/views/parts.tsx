import { Form } from "../../../infra/html/form.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import { formatDateTime } from "../../../infra/i18n/i18n.js";
import type { PostView } from "../present.js";
import { type ReactionKind, reactionKinds } from "../tables.js";

/** The only script of the board: new posts and reactions appear without reloading. */
export const LIVE_SCRIPT = "/assets/board-live.js";

export type BoardGroup = { name: string; slug: string; timeZone: string };

export const boardPath = (group: { slug: string }, rest = "") =>
  `/groups/${group.slug}/board${rest}`;
export const threadPath = (group: { slug: string }, threadId: string) =>
  boardPath(group, `/threads/${threadId}`);
export const postPath = (group: { slug: string }, postId: string, rest = "") =>
  boardPath(group, `/posts/${postId}${rest}`);

const reactionWords: Record<
  ReactionKind,
  "board.reaction.me_too" | "board.reaction.thank_you" | "board.reaction.helped_me"
> = {
  me_too: "board.reaction.me_too",
  thank_you: "board.reaction.thank_you",
  helped_me: "board.reaction.helped_me",
};

/** A person's name as the board shows it: someone without one, or whose account went, still reads. */
export function authorName(ctx: PageContext, post: Pick<PostView, "authorId" | "authorName">) {
  if (!post.authorId) return ctx.t("board.author.gone");
  return post.authorName || ctx.t("board.author.unnamed");
}

/** The words of a post, or why they are not there, so nothing vanishes without a word. */
export function PostBody({ ctx, post }: { ctx: PageContext; post: PostView }) {
  const { t } = ctx;
  if (post.shown === "deleted") return <p class="post-gone">{t("board.post.deleted")}</p>;
  if (post.shown === "hidden") return <p class="post-gone">{t("board.post.hiddenFromYou")}</p>;
  return (
    <div
      class="post-body"
      // Rendered from markdown with HTML off, then through an allow-list (infra/html/markdown.ts).
      dangerouslySetInnerHTML={{ __html: post.html ?? "" }}
    />
  );
}

/** Me too, Thank you, This helped me: each a button that says whether the reader said it. */
export function Reactions({
  ctx,
  group,
  post,
}: {
  ctx: PageContext;
  group: BoardGroup;
  post: PostView;
}) {
  const { t } = ctx;
  if (post.shown !== "words") return null;
  const tallies = reactionKinds.map(
    (kind) =>
      post.reactions.find((r) => r.kind === kind) ?? { kind, count: 0, mine: false, names: [] },
  );
  const given = tallies.filter((r) => r.count > 0);
  return (
    <div class="reactions">
      {post.abilities["post.react"] ? (
        <ul class="reaction-buttons">
          {tallies.map((r) => (
            <li key={r.kind}>
              <Form ctx={ctx} action={postPath(group, post.id, "/reactions")}>
                <input type="hidden" name="kind" value={r.kind} />
                <input type="hidden" name="reacted" value={r.mine ? "no" : "yes"} />
                <button
                  type="submit"
                  class="button button-secondary"
                  aria-pressed={r.mine ? "true" : "false"}
                >
                  {t(reactionWords[r.kind])}
                  {r.count > 0 ? ` (${r.count})` : ""}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
      {given.length > 0 ? (
        <details class="reactors">
          <summary>
            {given.map((r) => `${t(reactionWords[r.kind])}: ${r.count}`).join(" · ")}
          </summary>
          <ul>
            {given.map((r) => (
              <li key={r.kind}>
                {t(reactionWords[r.kind])}:{" "}
                {r.names.map((n) => n || t("board.author.unnamed")).join(", ")}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

/** One post: who wrote it and when, its words, its reactions, and what the reader may do. */
export function Post({
  ctx,
  group,
  post,
}: {
  ctx: PageContext;
  group: BoardGroup;
  post: PostView;
}) {
  const { t, lang } = ctx;
  return (
    <article class="post" id={`post-${post.id}`} aria-labelledby={`post-${post.id}-by`}>
      <p class="post-meta" id={`post-${post.id}-by`}>
        <strong>{authorName(ctx, post)}</strong>
        {" · "}
        <time dateTime={post.createdAt.toISOString()}>
          {formatDateTime(post.createdAt, lang, group.timeZone)}
        </time>
        {post.editedAt && post.shown === "words" ? ` · ${t("board.post.edited")}` : null}
      </p>
      {post.hidden ? (
        <div class="panel warning-text">
          <p>
            {post.mine
              ? t("board.post.hiddenYours", { reason: post.hidden.reason })
              : t("board.post.hiddenLeaders", { reason: post.hidden.reason })}
          </p>
        </div>
      ) : null}
      <PostBody ctx={ctx} post={post} />
      <Reactions ctx={ctx} group={group} post={post} />
      <ul class="link-list post-tools">
        {post.abilities["post.edit"] ? (
          <li>
            <a href={postPath(group, post.id, "/edit")}>{t("board.post.edit")}</a>
          </li>
        ) : null}
        {post.abilities["post.delete"] ? (
          <li>
            <a href={postPath(group, post.id, "/delete")}>{t("board.post.delete")}</a>
          </li>
        ) : null}
        {post.tools.map((tool) => (
          <li key={tool.ability}>
            <a href={tool.path(group.slug, post.id)}>{t(tool.label)}</a>
          </li>
        ))}
      </ul>
    </article>
  );
}
