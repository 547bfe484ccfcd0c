import { Layout } from "../../../infra/html/layout.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import { formatDateTime } from "../../../infra/i18n/i18n.js";
import type { BoardLink, ThreadView } from "../present.js";
import { type BoardGroup, boardPath, LIVE_SCRIPT, threadPath } from "./parts.js";

/** The group's board: its conversations, newest activity first, paged, with unread ones marked. */
export function BoardPage({
  ctx,
  group,
  threads,
  page,
  pages,
  canAnnounce,
  links,
  live,
}: {
  ctx: PageContext;
  group: BoardGroup;
  threads: ThreadView[];
  page: number;
  pages: number;
  canAnnounce: boolean;
  /** Pages of the features above for this viewer (the reports, the alerts). */
  links: BoardLink[];
  /** The live stream's address, from the event this page was drawn at. */
  live: string;
}) {
  const { t, lang } = ctx;
  const title = t("board.title", { group: group.name });
  return (
    <Layout ctx={ctx} title={title} scripts={[LIVE_SCRIPT]}>
      <p>
        <a href={`/groups/${group.slug}`}>{t("site.back")}</a>
      </p>
      <h1>{title}</h1>
      <p>{t("board.intro")}</p>
      <ul class="link-list">
        <li>
          <a href={boardPath(group, "/new")}>{t("board.new.link")}</a>
        </li>
        {canAnnounce ? (
          <li>
            <a href={boardPath(group, "/announcements/new")}>{t("board.announce.link")}</a>
          </li>
        ) : null}
        <li>
          <a href={boardPath(group, "/mail")}>{t("board.mail.link")}</a>
        </li>
        {links.map((link) => (
          <li key={link.ability}>
            <a href={link.path(group.slug)}>{t(link.label)}</a>
          </li>
        ))}
      </ul>
      <div data-live={live} data-live-region="threads">
        <p class="visually-hidden" aria-live="polite" data-live-status={t("board.live.new")} />
        {threads.length === 0 ? <p>{t("board.none")}</p> : null}
        <ol class="thread-list">
          {threads.map((thread) => (
            <li key={thread.id} class={thread.unread ? "thread unread" : "thread"}>
              <h2>
                <a href={threadPath(group, thread.id)}>
                  {thread.title ??
                    t(thread.shown === "hidden" ? "board.thread.hidden" : "board.thread.deleted")}
                </a>
              </h2>
              <p>
                {thread.pinned ? <strong>{t("board.thread.announcement")} · </strong> : null}
                {thread.unread ? <strong>{t("board.thread.unread")} · </strong> : null}
                {thread.replyCount === 1
                  ? t("board.thread.oneReply")
                  : t("board.thread.replies", { count: thread.replyCount })}
                {" · "}
                {t("board.thread.lastActivity", {
                  when: formatDateTime(thread.lastActivityAt, lang, group.timeZone),
                })}
              </p>
            </li>
          ))}
        </ol>
      </div>
      {pages > 1 ? (
        <nav class="directory-pages" aria-label={t("board.pages")}>
          <ul class="link-list">
            {page > 1 ? (
              <li>
                <a href={boardPath(group, `?page=${page - 1}`)} rel="prev">
                  {t("board.newer")}
                </a>
              </li>
            ) : null}
            <li>{t("board.pageOf", { page, pages })}</li>
            {page < pages ? (
              <li>
                <a href={boardPath(group, `?page=${page + 1}`)} rel="next">
                  {t("board.older")}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </Layout>
  );
}
