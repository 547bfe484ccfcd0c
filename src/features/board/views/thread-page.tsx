import {
  ErrorSummary,
  type FieldErrors,
  Form,
  formTitle,
  SubmitButton,
  Textarea,
} from "../../../infra/html/form.js";
import { Layout } from "../../../infra/html/layout.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import type { PostView } from "../present.js";
import { type BoardGroup, boardPath, LIVE_SCRIPT, Post, threadPath } from "./parts.js";

/** One conversation: its posts in order, and a reply form at the end. */
export function ThreadPage({
  ctx,
  group,
  thread,
  posts,
  once = true,
  values = {},
  errors = {},
  live,
}: {
  ctx: PageContext;
  group: BoardGroup;
  thread: { id: string; title: string | null; announcement: boolean };
  posts: PostView[];
  once?: string | true;
  values?: Record<string, string>;
  errors?: FieldErrors;
  /** The live stream's address, from the event this page was drawn at. */
  live: string;
}) {
  const { t } = ctx;
  const title = thread.title ?? t("board.thread.untitled");
  return (
    <Layout ctx={ctx} title={formTitle(t, title, errors)} scripts={[LIVE_SCRIPT]}>
      <ErrorSummary t={t} errors={errors} />
      <p>
        <a href={boardPath(group)}>{t("board.back")}</a>
      </p>
      <h1>{title}</h1>
      {thread.announcement ? <p class="panel">{t("board.thread.isAnnouncement")}</p> : null}
      <div data-live={live} data-live-region="posts" data-thread={thread.id}>
        <p class="visually-hidden" aria-live="polite" data-live-status={t("board.live.new")} />
        <ol class="post-list">
          {posts.map((post) => (
            <li key={post.id}>
              <Post ctx={ctx} group={group} post={post} />
            </li>
          ))}
        </ol>
      </div>
      <h2 id="reply-heading">{t("board.reply.title")}</h2>
      <Form ctx={ctx} action={`${threadPath(group, thread.id)}/replies`} once={once}>
        <Textarea
          t={t}
          name="body"
          label={t("board.reply.body")}
          hint={t("board.body.hint")}
          value={values.body}
          error={errors.body}
          rows={6}
        />
        <SubmitButton>{t("board.reply.submit")}</SubmitButton>
      </Form>
    </Layout>
  );
}
