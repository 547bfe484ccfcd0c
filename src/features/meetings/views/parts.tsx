import { Form } from "../../../infra/html/form.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import type { MessageKey } from "../../../infra/i18n/i18n.js";
import type { MeetingView } from "../present.js";

export type GroupHeading = {
  name: string;
  slug: string;
  timeZone: string;
  videoUrl: string | null;
  phoneNumber: string | null;
  phonePin: string | null;
};

export const meetingPath = (group: { slug: string }, meeting: { id: string }, rest = "") =>
  `/groups/${group.slug}/meetings/${meeting.id}${rest}`;

/** Back to the meeting after one of its forms, with the words that say what was done. */
export const backToMeeting = (
  at: { scope: { group: { slug: string }; meeting: { id: string } } },
  flash: MessageKey,
) => ({ to: meetingPath(at.scope.group, at.scope.meeting), flash });

/** What has happened to the meeting, said first: called off or moved, and why. */
export function MeetingStatus({ ctx, meeting }: { ctx: PageContext; meeting: MeetingView }) {
  const { t } = ctx;
  if (meeting.status === "cancelled") {
    return (
      <p class="warning-text">
        <strong>{t("meetings.status.cancelled")}</strong>
        {meeting.changeReason
          ? ` ${t("meetings.status.reason", { reason: meeting.changeReason })}`
          : null}
      </p>
    );
  }
  if (meeting.moved) {
    return (
      <p>
        <strong>{t("meetings.status.moved")}</strong>
        {meeting.changeReason
          ? ` ${t("meetings.status.reason", { reason: meeting.changeReason })}`
          : null}
      </p>
    );
  }
  return null;
}

/** "Will you come?" as three buttons; the answer given so far is said in words. */
export function AnswerForm({
  ctx,
  group,
  meeting,
}: {
  ctx: PageContext;
  group: { slug: string };
  meeting: MeetingView;
}) {
  const { t } = ctx;
  if (!meeting.abilities["meeting.respond"]) return null;
  return (
    <Form ctx={ctx} action={meetingPath(group, meeting, "/answer")}>
      <fieldset class="answer">
        <legend>{t("meetings.answer.legend")}</legend>
        {meeting.myAnswer ? (
          <p class="hint">
            {t(`meetings.answer.said.${meeting.myAnswer as "yes" | "no" | "maybe"}`)}
          </p>
        ) : null}
        <div class="button-row">
          {(["yes", "maybe", "no"] as const).map((answer) => (
            <button
              key={answer}
              type="submit"
              name="answer"
              value={answer}
              class={`button${meeting.myAnswer === answer ? "" : " button-secondary"}`}
            >
              {t(`meetings.answer.${answer}`)}
            </button>
          ))}
        </div>
      </fieldset>
    </Form>
  );
}

/** The video link (from 15 minutes before) and the telephone dial-in, for members. */
export function JoinDetails({
  ctx,
  group,
  meeting,
  phone = true,
}: {
  ctx: PageContext;
  group: GroupHeading;
  meeting: MeetingView;
  /** The dial-in too: a list of meetings shows it once, above the list. */
  phone?: boolean;
}) {
  const { t } = ctx;
  if (meeting.status !== "scheduled") return null;
  return (
    <>
      {group.videoUrl ? (
        meeting.abilities["meeting.join"] ? (
          <p>
            <a class="button" href={group.videoUrl}>
              {t("meetings.join.now")}
            </a>
          </p>
        ) : (
          <p class="hint">{t("meetings.join.later")}</p>
        )
      ) : null}
      {phone ? <DialIn ctx={ctx} group={group} /> : null}
    </>
  );
}

/** The telephone number as a link that dials, and the PIN, always shown to members. */
export function DialIn({ ctx, group }: { ctx: PageContext; group: GroupHeading }) {
  const { t } = ctx;
  if (!group.phoneNumber) return null;
  return (
    <p>
      <a class="tel-link" href={`tel:${group.phoneNumber.replace(/[^+0-9]/g, "")}`}>
        {t("groups.page.phone", { number: group.phoneNumber })}
      </a>
      {group.phonePin ? (
        <>
          <br />
          {t("groups.page.pin", { pin: group.phonePin })}
        </>
      ) : null}
    </p>
  );
}

export function Facilitation({ ctx, meeting }: { ctx: PageContext; meeting: MeetingView }) {
  const { t } = ctx;
  return (
    <p>
      {meeting.facilitatorName !== null
        ? t("meetings.rota.ledBy", { name: meeting.facilitatorName || t("meetings.someone") })
        : t("meetings.rota.nobody")}
    </p>
  );
}
