import type { JSX } from "preact";
import { OneCheckbox, Radios } from "../../../infra/html/choices.js";
import {
  ErrorSummary,
  type FieldErrors,
  formTitle,
  SubmitButton,
  TextField,
} from "../../../infra/html/form.js";
import { Layout } from "../../../infra/html/layout.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import type { DifficultyOption } from "../../difficulties/reads.js";
import { radiusChoices, timesOfDay } from "../../directory/inputs.js";
import { languageName, weekdayName } from "../../directory/views/words.js";
import {
  ANY_DIFFICULTY,
  type Answers,
  answerParams,
  DEFAULT_RADIUS_KM,
  findHref,
  howChoices,
  type QueryValues,
  type Question,
  questions,
  whoChoices,
} from "../inputs.js";
import { questionTitles } from "../present.js";
import { Choices } from "./fields.js";

export type QuestionChoices = { difficulties: DifficultyOption[]; languages: string[] };

const one = (value: string | string[] | undefined) =>
  typeof value === "string" ? value : undefined;
const many = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

type BodyProps = {
  ctx: PageContext;
  values: QueryValues;
  errors: FieldErrors;
  choices: QuestionChoices;
};

const HEADING = "question-heading";

function Heading({ text }: { text: string }) {
  return <h1 id={HEADING}>{text}</h1>;
}

function DifficultyQuestion({ ctx, values, errors, choices }: BodyProps) {
  const { t } = ctx;
  return (
    <>
      <Heading text={t("matching.difficulty.title")} />
      <Choices
        t={t}
        type="radio"
        name="difficulty"
        legend={{ labelledBy: HEADING }}
        hint={t("matching.difficulty.hint")}
        choices={choices.difficulties.map((d) => ({
          value: d.slug,
          label: d.name,
          hint: d.description,
        }))}
        orChoice={{
          value: ANY_DIFFICULTY,
          label: t("matching.difficulty.any"),
          hint: t("matching.difficulty.anyHint"),
        }}
        checked={many(values.difficulty)}
        error={errors.difficulty}
      />
    </>
  );
}

function WhoQuestion({ ctx, values, errors }: BodyProps) {
  const { t } = ctx;
  const hints = {
    me: t("matching.who.meHint"),
    carer: t("matching.who.carerHint"),
    both: t("matching.who.bothHint"),
  };
  return (
    <>
      <Heading text={t("matching.who.title")} />
      <Choices
        t={t}
        type="radio"
        name="who"
        legend={{ labelledBy: HEADING }}
        choices={whoChoices.map((who) => ({
          value: who,
          label: t(`matching.who.${who}`),
          hint: hints[who],
        }))}
        checked={many(values.who)}
        error={errors.who}
      />
    </>
  );
}

function WhereQuestion({ ctx, values, errors }: BodyProps) {
  const { t } = ctx;
  const hints: Partial<Record<(typeof howChoices)[number], string>> = {
    online: t("matching.where.onlineHint"),
    telephone: t("matching.where.telephoneHint"),
  };
  const radius = one(values.radius) ?? String(DEFAULT_RADIUS_KM);
  // A wider distance reached by "look further away" is offered too, so it shows as chosen.
  const radii: number[] = [...radiusChoices];
  const wider = Number(radius);
  if (Number.isInteger(wider) && wider > 0 && !radii.includes(wider)) {
    radii.push(wider);
    radii.sort((a, b) => a - b);
  }
  return (
    <>
      <Heading text={t("matching.where.title")} />
      <Choices
        t={t}
        type="radio"
        name="how"
        legend={{ labelledBy: HEADING }}
        choices={howChoices.map((how) => ({
          value: how,
          label: t(`matching.where.${how}`),
          hint: hints[how],
        }))}
        checked={many(values.how)}
        error={errors.how}
      />
      <TextField
        t={t}
        name="place"
        label={t("matching.where.place")}
        hint={t("matching.where.placeHint")}
        value={one(values.place)}
        error={errors.place}
        autocomplete="address-level2"
      />
      <Radios
        t={t}
        name="radius"
        legend={t("matching.where.radius")}
        value={radius}
        error={errors.radius}
        options={radii.map((km) => ({
          value: String(km),
          label: t("matching.where.radiusOption", { km }),
        }))}
      />
    </>
  );
}

function WhenQuestion({ ctx, values, errors }: BodyProps) {
  const { t, lang } = ctx;
  return (
    <>
      <Heading text={t("matching.when.title")} />
      <p class="hint">{t("matching.when.hint")}</p>
      <Choices
        t={t}
        type="checkbox"
        name="day"
        legend={{ text: t("matching.when.days") }}
        // Monday first, as people in Italy and the UK read a week.
        choices={[1, 2, 3, 4, 5, 6, 0].map((day) => ({
          value: String(day),
          label: weekdayName(day, lang, true),
        }))}
        checked={many(values.day)}
        error={errors.day}
      />
      <Choices
        t={t}
        type="checkbox"
        name="time"
        legend={{ text: t("matching.when.times") }}
        choices={timesOfDay.map((time) => ({
          value: time,
          label: t(`matching.when.time.${time}`),
        }))}
        checked={many(values.time)}
        error={errors.time}
      />
      <p>{t("matching.or")}</p>
      <OneCheckbox
        t={t}
        name="when"
        value="any"
        label={t("matching.when.any")}
        checked={many(values.when).includes("any")}
        error={errors.when}
      />
    </>
  );
}

function LanguageQuestion({ ctx, values, errors, choices }: BodyProps) {
  const { t, lang } = ctx;
  return (
    <>
      <Heading text={t("matching.language.title")} />
      <Choices
        t={t}
        type="radio"
        name="language"
        legend={{ labelledBy: HEADING }}
        choices={choices.languages.map((code) => ({
          value: code,
          label: languageName(code, lang).replace(/^./, (c) => c.toUpperCase()),
        }))}
        // The reader's own language until they choose.
        checked={values.language === undefined ? [lang] : many(values.language)}
        error={errors.language}
      />
    </>
  );
}

const bodies: Record<Question, (props: BodyProps) => JSX.Element> = {
  difficulty: DifficultyQuestion,
  who: WhoQuestion,
  where: WhereQuestion,
  when: WhenQuestion,
  language: LanguageQuestion,
};

/**
 * One question on its own page, as a GET form: the earlier (and later) answers ride along in
 * hidden fields, so nothing is stored and the browser's back button keeps working.
 */
export function QuestionPage({
  ctx,
  question,
  answers,
  values,
  errors = {},
  change,
  choices,
}: {
  ctx: PageContext;
  question: Question;
  /** Every answer given so far, as read from the address. */
  answers: Answers;
  /** This question's fields as they came in, to show back as typed and ticked. */
  values: QueryValues;
  errors?: FieldErrors;
  /** Came from "Check your answers": go back there afterwards. */
  change: boolean;
  choices: QuestionChoices;
}) {
  const { t } = ctx;
  const index = questions.indexOf(question);
  const previous = questions[index - 1];
  const back = change
    ? findHref("/find/summary", answers)
    : previous
      ? findHref(`/find/${previous}`, answers)
      : "/find";
  const hidden = [
    ...answerParams(answers, [question]),
    ...(change ? [["change", "1"] as [string, string]] : []),
    ["sent", "1"] as [string, string],
  ];
  const Body = bodies[question];
  return (
    <Layout ctx={ctx} title={formTitle(t, t(questionTitles[question]), errors)}>
      <p>
        <a href={back}>{t("site.back")}</a>
      </p>
      <ErrorSummary t={t} errors={errors} />
      <p class="hint">{t("matching.progress", { number: index + 1, count: questions.length })}</p>
      <form method="get" action={`/find/${question}`} novalidate>
        {hidden.map(([name, value], i) => (
          <input type="hidden" name={name} value={value} key={`${name}-${i}`} />
        ))}
        <Body ctx={ctx} values={values} errors={errors} choices={choices} />
        <SubmitButton>{t("form.continue")}</SubmitButton>
      </form>
    </Layout>
  );
}
