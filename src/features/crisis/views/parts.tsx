import type { PageContext } from "../../../infra/html/page-context.js";
import { formatDateTime, type MessageKey } from "../../../infra/i18n/i18n.js";
import { categoryWords } from "../mail.js";
import type { AlertView } from "../present.js";
import type { AlertState } from "../tables.js";

export const alertsPath = (group: { slug: string }, rest = "") =>
  `/groups/${group.slug}/alerts${rest}`;

const stateWords: Record<AlertState, MessageKey> = {
  new: "crisis.state.new",
  seen: "crisis.state.seen",
  acted_on: "crisis.state.acted_on",
  closed: "crisis.state.closed",
};

export function StateWords({ ctx, state }: { ctx: PageContext; state: AlertState }) {
  return <>{ctx.t(stateWords[state])}</>;
}

/** What set the alert off: words about something, or a member who was worried (and who). */
export function sourceWords(ctx: PageContext, alert: AlertView, withRaiser: boolean): string {
  const { t } = ctx;
  if (alert.source === "phrase") {
    return t("crisis.source.phrase", { category: t(categoryWords[alert.category ?? "danger"]) });
  }
  return withRaiser && alert.raisedBy
    ? t("crisis.source.worriedBy", { name: alert.raisedBy.name })
    : t("crisis.source.worried");
}

export function subjectName(ctx: PageContext, alert: AlertView): string {
  return alert.subject?.name || ctx.t("crisis.alert.noName");
}

export const when = (ctx: PageContext, alert: AlertView, date: Date) =>
  formatDateTime(date, ctx.lang, alert.group.timeZone);

/** How long the first look took, in plain words. */
export function afterWords(ctx: PageContext, minutes: number): string {
  if (minutes < 60) return ctx.t("crisis.alert.minutes", { n: minutes });
  return ctx.t("crisis.alert.hours", { h: Math.floor(minutes / 60), m: minutes % 60 });
}
