import { Form, SubmitButton } from "../../../infra/html/form.js";
import { Layout } from "../../../infra/html/layout.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import { formatDateTime } from "../../../infra/i18n/i18n.js";
import { authorName, type BoardGroup, boardPath, postPath } from "../../board/views/parts.js";
import type { ModeratedEntry, ReportsView, ReportView } from "../present.js";
import { postInThread, QuotedPost, reasonWords, reportsPath } from "./parts.js";

type Props = { ctx: PageContext; group: BoardGroup };

/** One report: why, what the member wrote, who they are, unless it is about the reader's post. */
function Report({ ctx, group, report }: Props & { report: ReportView }) {
  const { t, lang } = ctx;
  const when = formatDateTime(report.createdAt, lang, group.timeZone);
  const decidedOn = report.decidedAt ? formatDateTime(report.decidedAt, lang, group.timeZone) : "";
  const withheld = report.details === null;
  return (
    <li>
      <p>
        <strong>{t(reasonWords[report.reason])}</strong>
      </p>
      {report.details ? (
        <p class="report-details">
          {t("moderation.reports.details")} {report.details}
        </p>
      ) : null}
      <p class="hint">
        {withheld
          ? t("moderation.reports.byWithheld", { when })
          : t("moderation.reports.by", {
              name: report.reporter
                ? report.reporter.name || t("board.author.unnamed")
                : t("board.author.gone"),
              when,
            })}
      </p>
      {report.state === "open" ? null : (
        <p class="hint">
          {t(
            report.state === "acted_on"
              ? "moderation.reports.state.acted_on"
              : "moderation.reports.state.left_up",
            { when: decidedOn },
          )}
        </p>
      )}
    </li>
  );
}

/** A post with its reports, and what the reader may decide about it. */
function Entry({ ctx, group, entry, section }: Props & { entry: ModeratedEntry; section: string }) {
  const { t } = ctx;
  const { post } = entry;
  // A post hidden after its reports shows in two sections: each heading's id is its section's.
  const headingId = `${section}-${post.id}`;
  const openReport = entry.reports.find((r) => r.state === "open");
  return (
    <article class="moderated-post" aria-labelledby={headingId}>
      <h3 id={headingId} class="visually-hidden">
        {t("moderation.reports.postHeading", { name: authorName(ctx, post) })}
      </h3>
      <QuotedPost ctx={ctx} group={group} post={post} />
      {post.hidden ? (
        <p class="panel">{t("board.post.hiddenLeaders", { reason: post.hidden.reason })}</p>
      ) : null}
      {entry.askedBack ? (
        <div class="panel">
          <p>
            {t("moderation.reports.askedBack", {
              when: formatDateTime(entry.askedBack.at, ctx.lang, group.timeZone),
            })}
          </p>
          {entry.askedBack.message ? (
            <p>{t("moderation.reports.askedMessage", { message: entry.askedBack.message })}</p>
          ) : null}
        </div>
      ) : null}
      {entry.reports.length > 0 ? (
        <ul class="report-list">
          {entry.reports.map((report) => (
            <Report key={report.id} ctx={ctx} group={group} report={report} />
          ))}
        </ul>
      ) : null}
      <ul class="link-list">
        <li>
          <a href={postInThread(group, post)}>{t("moderation.reports.inThread")}</a>
        </li>
        {entry.abilities["post.hide"] ? (
          <li>
            <a href={postPath(group, post.id, "/hide")}>{t("moderation.tool.hide")}</a>
          </li>
        ) : null}
        {entry.abilities["post.restore"] ? (
          <li>
            <a href={postPath(group, post.id, "/restore")}>{t("moderation.tool.restore")}</a>
          </li>
        ) : null}
      </ul>
      {entry.abilities["report.leave_up"] && openReport ? (
        <Form ctx={ctx} action={`${reportsPath(group)}/${openReport.id}/leave-up`} once={true}>
          <SubmitButton variant="secondary">{t("moderation.reports.leaveUp")}</SubmitButton>
        </Form>
      ) : null}
    </article>
  );
}

function Section({
  ctx,
  group,
  id,
  title,
  none,
  entries,
}: Props & { id: string; title: string; none: string; entries: ModeratedEntry[] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {entries.length === 0 ? (
        <p>{none}</p>
      ) : (
        <ol class="moderated-list">
          {entries.map((entry) => (
            <li key={entry.post.id}>
              <Entry ctx={ctx} group={group} entry={entry} section={id} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The group's reports, for those who lead it: what waits, what is hidden, what was decided. */
export function ReportsPage({ ctx, group, view }: Props & { view: ReportsView }) {
  const { t } = ctx;
  const title = t("moderation.reports.title", { group: group.name });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={boardPath(group)}>{t("board.back")}</a>
      </p>
      <h1>{title}</h1>
      <p>{t("moderation.reports.intro")}</p>
      <Section
        ctx={ctx}
        group={group}
        id="open-reports"
        title={t("moderation.reports.open")}
        none={t("moderation.reports.noneOpen")}
        entries={view.open}
      />
      <Section
        ctx={ctx}
        group={group}
        id="hidden-posts"
        title={t("moderation.reports.hidden")}
        none={t("moderation.reports.noneHidden")}
        entries={view.hidden}
      />
      <Section
        ctx={ctx}
        group={group}
        id="decided-reports"
        title={t("moderation.reports.decided")}
        none={t("moderation.reports.noneDecided")}
        entries={view.decided}
      />
    </Layout>
  );
}
