import { Checkboxes, OneCheckbox, Radios } from "../../../infra/html/choices.js";
import { type FieldErrors, SubmitButton, TextField } from "../../../infra/html/form.js";
import type { Translate } from "../../../infra/i18n/i18n.js";
import { accessNeeds, radiusChoices, timesOfDay } from "../inputs.js";
import type { GroupDifficulty } from "../reads.js";
import { languageName, weekdayName } from "./words.js";

/** The form's fields as they came in: text as typed, ticked boxes as lists. */
export type QueryValues = Record<string, string | string[]>;

export type SearchChoices = { difficulties: GroupDifficulty[]; languages: string[] };

const listOf = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const oneOf = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

const moreFields = ["audience", "language", "day", "time", "access", "free", "q"];

/**
 * The search, as a GET form: it works without JavaScript, and the address of a search can be
 * bookmarked, printed or shared.
 */
export function SearchForm({
  t,
  lang,
  choices,
  values,
  errors,
}: {
  t: Translate;
  lang: "en" | "it";
  choices: SearchChoices;
  values: QueryValues;
  errors: FieldErrors;
}) {
  // The optional choices stay folded away unless some are in use or need fixing.
  const openMore = moreFields.some(
    (field) => errors[field] || listOf(values[field]).some((v) => v !== "" && v !== "any"),
  );
  return (
    <form method="get" action="/groups" novalidate class="directory-form">
      <Checkboxes
        t={t}
        name="difficulty"
        legend={t("directory.difficulty.legend")}
        hint={t("directory.difficulty.hint")}
        options={choices.difficulties.map((d) => ({ value: d.slug, label: d.name }))}
        checked={listOf(values.difficulty)}
        error={errors.difficulty}
      />
      <TextField
        t={t}
        name="place"
        label={t("directory.place.label")}
        hint={t("directory.place.hint")}
        value={oneOf(values.place)}
        error={errors.place}
        autocomplete="address-level2"
      />
      <Radios
        t={t}
        name="radius"
        legend={t("directory.radius.legend")}
        value={oneOf(values.radius)}
        error={errors.radius}
        options={radiusChoices.map((km) => ({
          value: String(km),
          label: t("directory.radius.option", { km }),
        }))}
      />
      <OneCheckbox
        t={t}
        value="true"
        name="remote"
        label={t("directory.remote.label")}
        checked={listOf(values.remote).includes("true")}
        error={errors.remote}
      />
      <details class="directory-more" open={openMore}>
        <summary>{t("directory.more")}</summary>
        <Radios
          t={t}
          name="audience"
          legend={t("directory.audience.legend")}
          value={oneOf(values.audience) ?? "any"}
          error={errors.audience}
          options={(["any", "living_with", "carers"] as const).map((value) => ({
            value,
            label: t(`directory.audience.${value}`),
          }))}
        />
        <Checkboxes
          t={t}
          name="language"
          legend={t("directory.language.legend")}
          hint={t("directory.language.hint")}
          options={choices.languages.map((code) => ({
            value: code,
            label: languageName(code, lang),
          }))}
          checked={listOf(values.language)}
          error={errors.language}
        />
        <Checkboxes
          t={t}
          name="day"
          legend={t("directory.day.legend")}
          // Monday first, as people in Italy and the UK read a week.
          options={[1, 2, 3, 4, 5, 6, 0].map((day) => ({
            value: String(day),
            label: weekdayName(day, lang, true),
          }))}
          checked={listOf(values.day)}
          error={errors.day}
        />
        <Checkboxes
          t={t}
          name="time"
          legend={t("directory.time.legend")}
          options={timesOfDay.map((time) => ({
            value: time,
            label: t(`directory.time.${time}`),
          }))}
          checked={listOf(values.time)}
          error={errors.time}
        />
        <Checkboxes
          t={t}
          name="access"
          legend={t("directory.access.legend")}
          hint={t("directory.access.hint")}
          options={accessNeeds.map((need) => ({
            value: need,
            label: t(`directory.access.${need}`),
          }))}
          checked={listOf(values.access)}
          error={errors.access}
        />
        <OneCheckbox
          t={t}
          value="true"
          name="free"
          label={t("directory.free.label")}
          checked={listOf(values.free).includes("true")}
          error={errors.free}
        />
        <TextField
          t={t}
          name="q"
          label={t("directory.q.label")}
          hint={t("directory.q.hint")}
          value={oneOf(values.q)}
          error={errors.q}
        />
      </details>
      <SubmitButton>{t("directory.submit")}</SubmitButton>
      <a href="/groups" class="button button-secondary">
        {t("directory.startAgain")}
      </a>
    </form>
  );
}
