import {
  ErrorSummary,
  type FieldErrors,
  Form,
  formTitle,
  SubmitButton,
} from "../../../infra/html/form.js";
import { Layout } from "../../../infra/html/layout.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import { formatDate, formatDateTime, type Translate } from "../../../infra/i18n/i18n.js";
import { SMALLEST_SHOWN } from "../../groups/policy.js";
import type { MembershipAction } from "../policy.js";

type GroupSummary = { name: string; slug: string; agreement: string; timeZone: string };

/** Text written by people, kept as they wrote it: paragraphs at blank lines, escaped. */
export function Paragraphs({ text, lang }: { text: string; lang?: string | undefined }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p key={p} lang={lang}>
            {p}
          </p>
        ))}
    </>
  );
}

export function JoinPage({
  ctx,
  group,
  mode,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  group: GroupSummary;
  mode: "join" | "waitlist" | "request";
  values?: { message?: string };
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  const title =
    mode === "request"
      ? t("memberships.request.title", { group: group.name })
      : t("memberships.join.title", { group: group.name });
  return (
    <Layout ctx={ctx} title={formTitle(t, title, errors)}>
      <ErrorSummary t={t} errors={errors} />
      <p>
        <a href={`/groups/${group.slug}`}>{t("site.back")}</a>
      </p>
      <h1>{title}</h1>
      {mode === "waitlist" ? <p>{t("memberships.join.waitlistIntro")}</p> : null}
      {mode === "request" ? <p>{t("memberships.request.intro")}</p> : null}
      <p>{t("memberships.join.agreementIntro")}</p>
      <div class="panel agreement">
        <Paragraphs text={group.agreement} />
      </div>
      <Form ctx={ctx} action={`/groups/${group.slug}/join`}>
        {mode === "request" ? (
          <div class={`field${errors.message ? " field-error" : ""}`}>
            <label for="message">{t("memberships.request.message")}</label>
            {errors.message ? (
              <p class="error-message" id="message-error">
                {t(errors.message)}
              </p>
            ) : null}
            <textarea
              id="message"
              name="message"
              rows={4}
              aria-describedby={errors.message ? "message-error" : undefined}
              aria-invalid={errors.message ? "true" : undefined}
            >
              {values.message ?? ""}
            </textarea>
          </div>
        ) : null}
        <SubmitButton>
          {t(
            mode === "request"
              ? "memberships.request.send"
              : mode === "waitlist"
                ? "memberships.join.waitlist"
                : "memberships.join.agree",
          )}
        </SubmitButton>
      </Form>
    </Layout>
  );
}

export function LeavePage({ ctx, group }: { ctx: PageContext; group: GroupSummary }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("memberships.leave.title", { group: group.name })}>
      <p>
        <a href={`/groups/${group.slug}`}>{t("site.back")}</a>
      </p>
      <h1>{t("memberships.leave.title", { group: group.name })}</h1>
      <p>{t("memberships.leave.body")}</p>
      <Form ctx={ctx} action={`/groups/${group.slug}/leave`}>
        <SubmitButton variant="warning">{t("memberships.leave.submit")}</SubmitButton>
      </Form>
    </Layout>
  );
}

type Request = {
  id: string;
  displayName: string;
  message: string | null;
  requestedAt: Date | null;
};

export function RequestsPage({
  ctx,
  group,
  requests,
  failed,
}: {
  ctx: PageContext;
  group: GroupSummary;
  requests: Request[];
  /** A reply that could not be sent: the request it was for, what was typed, and why. */
  failed?: { id: string; message: string; errors: FieldErrors };
}) {
  const { t } = ctx;
  const title = t("memberships.requests.title", { group: group.name });
  const summary: FieldErrors = {};
  if (failed?.errors.message) summary[`reply-${failed.id}`] = failed.errors.message;
  if (failed?.errors.decision) summary[`decide-${failed.id}`] = "memberships.requests.choose";
  return (
    <Layout ctx={ctx} title={formTitle(t, title, summary)}>
      <ErrorSummary t={t} errors={summary} />
      <p>
        <a href={`/groups/${group.slug}`}>{t("site.back")}</a>
      </p>
      <h1>{title}</h1>
      {requests.length === 0 ? <p>{t("memberships.requests.none")}</p> : null}
      {requests.map((request) => {
        const reply = `reply-${request.id}`;
        const error = summary[reply];
        const choose = summary[`decide-${request.id}`];
        const describedBy = [`${reply}-hint`, error ? `${reply}-error` : ""]
          .filter(Boolean)
          .join(" ");
        return (
          <section class="panel" key={request.id} aria-labelledby={`request-${request.id}`}>
            <h2 id={`request-${request.id}`}>{request.displayName}</h2>
            {request.requestedAt ? (
              <p class="hint">
                {t("memberships.requests.asked", {
                  date: formatDate(request.requestedAt, ctx.lang, group.timeZone),
                })}
              </p>
            ) : null}
            {request.message ? <Paragraphs text={request.message} /> : null}
            <Form ctx={ctx} action={`/groups/${group.slug}/requests/${request.id}`}>
              <div class={`field${error ? " field-error" : ""}`}>
                <label for={reply}>
                  {t("memberships.requests.reply", { name: request.displayName })}
                </label>
                <p class="hint" id={`${reply}-hint`}>
                  {t("memberships.requests.replyHint")}
                </p>
                {error ? (
                  <p class="error-message" id={`${reply}-error`}>
                    {t(error)}
                  </p>
                ) : null}
                <textarea
                  id={reply}
                  name="message"
                  rows={3}
                  aria-describedby={describedBy}
                  aria-invalid={error ? "true" : undefined}
                >
                  {failed?.id === request.id ? failed.message : ""}
                </textarea>
              </div>
              {choose ? (
                <p class="error-message" id={`decide-${request.id}-error`}>
                  {t(choose)}
                </p>
              ) : null}
              <button
                type="submit"
                name="decision"
                value="accept"
                class="button"
                id={`decide-${request.id}`}
              >
                {t("memberships.requests.accept", { name: request.displayName })}
              </button>
              <button type="submit" name="decision" value="decline" class="button button-secondary">
                {t("memberships.requests.decline", { name: request.displayName })}
              </button>
            </Form>
          </section>
        );
      })}
    </Layout>
  );
}

/** On the group page: where the viewer stands, and what they can do next. */

/**
 * Where a person stands on the waiting list. The exact place only from the sixth on: "number 3"
 * would tell someone outside the group that 2 people are waiting, a count held back below 5.
 */
function waitingWords(t: Translate, position: number): string {
  if (position === 1) return t("memberships.status.waitlistedFirst");
  if (position <= SMALLEST_SHOWN) return t("memberships.status.waitlistedBehindFew");
  return t("memberships.status.waitlisted", { position });
}

export function MembershipPanel({
  ctx,
  group,
  state,
  offerExpiresAt,
  waitlistPosition,
  abilities,
  requestCount,
}: {
  ctx: PageContext;
  group: Omit<GroupSummary, "agreement"> & { placesFree: number };
  state: string | null;
  offerExpiresAt: Date | null;
  waitlistPosition: number | null;
  abilities: Record<MembershipAction, boolean>;
  requestCount: number;
}) {
  const { t } = ctx;
  const base = `/groups/${group.slug}`;
  return (
    <section class="panel" aria-labelledby="membership-title">
      <h2 id="membership-title">
        {t(state === "active" ? "memberships.panel.yours" : "memberships.panel.joining")}
      </h2>
      {state === "active" ? <p>{t("memberships.status.active")}</p> : null}
      {state === "requested" ? <p>{t("memberships.status.requested")}</p> : null}
      {state === "waitlisted" && !abilities["group.offer.answer"] ? (
        <p>{waitingWords(t, waitlistPosition ?? 1)}</p>
      ) : null}
      {abilities["group.offer.answer"] && offerExpiresAt ? (
        <>
          <p class="warning-text">
            {t("memberships.status.offer", {
              time: formatDateTime(offerExpiresAt, ctx.lang, group.timeZone),
            })}
          </p>
          <Form ctx={ctx} action={`${base}/offer`}>
            <button type="submit" name="answer" value="accept" class="button">
              {t("memberships.offer.accept")}
            </button>
            <button type="submit" name="answer" value="decline" class="button button-secondary">
              {t("memberships.offer.decline")}
            </button>
          </Form>
        </>
      ) : null}
      {abilities["group.join"] ? (
        <p>
          <a class="button" href={`${base}/join`}>
            {group.placesFree > 0 ? t("groups.page.join") : t("groups.page.joinWaitlist")}
          </a>
        </p>
      ) : null}
      {abilities["group.request"] ? (
        <p>
          <a class="button" href={`${base}/join`}>
            {t("groups.page.askToJoin")}
          </a>
        </p>
      ) : null}
      {!abilities["group.join"] &&
      !abilities["group.request"] &&
      state !== "active" &&
      state !== "waitlisted" &&
      state !== "requested" ? (
        <p>{t("memberships.notTaking")}</p>
      ) : null}
      {abilities["group.requests.decide"] ? (
        <p>
          <a href={`${base}/requests`}>{t("memberships.requests.link", { count: requestCount })}</a>
        </p>
      ) : null}
      {abilities["group.leave"] ? (
        <p>
          <a href={`${base}/leave`}>{t("memberships.leave.link")}</a>
        </p>
      ) : null}
    </section>
  );
}
