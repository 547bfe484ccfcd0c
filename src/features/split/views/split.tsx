import { Checkboxes, Radios } from "../../../infra/html/choices.js";
import {
  ErrorSummary,
  type FieldErrors,
  Form,
  formTitle,
  SubmitButton,
  TextField,
} from "../../../infra/html/form.js";
import { Layout } from "../../../infra/html/layout.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import { dateTimeFormat } from "../../../infra/i18n/intl-cache.js";
import { clockTime } from "../../directory/views/words.js";
import type { SplitAction } from "../policy.js";
import type { OpenSplit } from "../reads.js";

type Member = { personId: string; displayName: string };

/**
 * Splitting the group in two: the facilitators' proposal, each member's choice, and who has
 * chosen what so far. For the group's members only.
 */
export function SplitPage({
  ctx,
  group,
  split,
  members,
  viewerId,
  can,
  minimum,
  once = true,
  values = {},
  lists = {},
  errors = {},
}: {
  ctx: PageContext;
  group: { name: string; slug: string };
  split: OpenSplit | null;
  members: Member[];
  viewerId: string;
  can: Record<SplitAction, boolean>;
  minimum: number;
  /** A split is proposed once, however often its form is sent (Form's `once`). */
  once?: string | true;
  values?: Record<string, string> | undefined;
  lists?: Record<string, string[]> | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { t, lang } = ctx;
  const someone = t("meetings.someone");
  const nameOf = (id: string) => members.find((m) => m.personId === id)?.displayName || someone;
  const weekdayNames = dateTimeFormat(lang === "it" ? "it-IT" : "en-GB", {
    weekday: "long",
    timeZone: "UTC",
  });
  // 2023-01-01 was a Sunday: day d of that week has weekday d.
  const dayName = (d: number) => weekdayNames.format(new Date(Date.UTC(2023, 0, 1 + d)));
  const title = t("split.title", { group: group.name });
  const choiceOf = split?.choices.get(viewerId);
  const everyoneElse = members.filter(
    (m) => !split?.parts.some((p) => p.facilitatorIds.includes(m.personId)),
  );
  return (
    <Layout ctx={ctx} title={formTitle(t, title, errors)}>
      <ErrorSummary t={t} errors={errors} />
      <p>
        <a href={`/groups/${group.slug}`}>{t("site.back")}</a>
      </p>
      <h1>{title}</h1>
      <p>{t("split.intro")}</p>

      {split ? (
        <>
          <h2>{t("split.open.title")}</h2>
          {split.parts.map((part) => (
            <section key={part.part} aria-labelledby={`split-part-${part.part}`}>
              <h3 id={`split-part-${part.part}`}>{part.name}</h3>
              <p>
                {t("split.part.meets", {
                  day: dayName(part.weekday),
                  time: clockTime(part.startTime, lang),
                })}
              </p>
              <p>
                {t("split.part.facilitators", {
                  names: part.facilitatorIds.map(nameOf).join(", "),
                })}
              </p>
            </section>
          ))}
          {can["split.choose"] ? (
            <Form ctx={ctx} action={`/groups/${group.slug}/split/choice`}>
              <Radios
                t={t}
                name="part"
                legend={t("split.choose.legend")}
                value={
                  values.part ??
                  (choiceOf === undefined
                    ? undefined
                    : choiceOf === null
                      ? "leave"
                      : String(choiceOf))
                }
                error={errors.part}
                options={[
                  ...split.parts.map((p) => ({ value: String(p.part), label: p.name })),
                  { value: "leave", label: t("split.choose.leave") },
                ]}
              />
              <SubmitButton>{t("split.choose.submit")}</SubmitButton>
            </Form>
          ) : (
            <p>{t("split.choose.named")}</p>
          )}
          <h2>{t("split.choices.title")}</h2>
          <ul>
            {split.parts.map((part) => (
              <li key={part.part}>
                {t("split.choices.part", {
                  group: part.name,
                  names:
                    members
                      .filter(
                        (m) =>
                          part.facilitatorIds.includes(m.personId) ||
                          split.choices.get(m.personId) === part.part,
                      )
                      .map((m) => m.displayName || someone)
                      .join(", ") || "–",
                })}
              </li>
            ))}
            <li>
              {t("split.choices.leaving", {
                names:
                  everyoneElse
                    .filter((m) => split.choices.get(m.personId) === null)
                    .map((m) => m.displayName || someone)
                    .join(", ") || "–",
              })}
            </li>
            <li>
              {t("split.choices.undecided", {
                names:
                  everyoneElse
                    .filter((m) => !split.choices.has(m.personId))
                    .map((m) => m.displayName || someone)
                    .join(", ") || "–",
              })}
            </li>
          </ul>
          {can["split.complete"] ? (
            <>
              <h2>{t("split.complete.title")}</h2>
              <p>{t("split.complete.intro")}</p>
              <Form ctx={ctx} action={`/groups/${group.slug}/split/complete`}>
                <SubmitButton variant="warning">{t("split.complete.submit")}</SubmitButton>
              </Form>
              <Form ctx={ctx} action={`/groups/${group.slug}/split/withdraw`}>
                <SubmitButton variant="secondary" id="withdraw">
                  {t("split.withdraw.submit")}
                </SubmitButton>
              </Form>
            </>
          ) : null}
        </>
      ) : can["split.propose"] ? (
        <Form ctx={ctx} action={`/groups/${group.slug}/split`} once={once}>
          {([1, 2] as const).map((part) => (
            <fieldset key={part} class="fieldset">
              <legend>{t(part === 1 ? "split.propose.first" : "split.propose.second")}</legend>
              <TextField
                t={t}
                name={`name${part}`}
                label={t("split.propose.name")}
                value={values[`name${part}`]}
                error={errors[`name${part}`]}
              />
              <Radios
                t={t}
                name={`weekday${part}`}
                legend={t("split.propose.weekday")}
                value={values[`weekday${part}`]}
                error={errors[`weekday${part}`]}
                options={[1, 2, 3, 4, 5, 6, 0].map((d) => ({
                  value: String(d),
                  label: dayName(d),
                }))}
              />
              <TextField
                t={t}
                name={`time${part}`}
                label={t("split.propose.time")}
                hint={t("split.propose.timeHint")}
                value={values[`time${part}`]}
                error={errors[`time${part}`]}
                width="short"
              />
              <Checkboxes
                t={t}
                name={`facilitators${part}`}
                legend={t("split.propose.facilitators")}
                hint={t("split.propose.facilitatorsHint")}
                options={members.map((m) => ({
                  value: m.personId,
                  label: m.displayName || someone,
                }))}
                checked={lists[`facilitators${part}`] ?? []}
                error={errors[`facilitators${part}`]}
              />
            </fieldset>
          ))}
          <SubmitButton>{t("split.propose.submit")}</SubmitButton>
        </Form>
      ) : members.length < minimum ? (
        <p>{t("split.tooSmall", { count: minimum })}</p>
      ) : (
        <p>{t("split.none")}</p>
      )}
    </Layout>
  );
}
