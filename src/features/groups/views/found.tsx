import type { ComponentChildren } from "preact";
import { Checkboxes, Radios } from "../../../infra/html/choices.js";
import {
  ErrorSummary,
  type FieldErrors,
  Form,
  formTitle,
  SubmitButton,
  Textarea,
  TextField,
} from "../../../infra/html/form.js";
import { Layout } from "../../../infra/html/layout.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import { dateTimeFormat, displayNames } from "../../../infra/i18n/intl-cache.js";
import type { DifficultyOption } from "../../difficulties/reads.js";
import { accessNeeds, durations, groupLanguages, nths } from "../inputs.js";
import { audiences, formats, joiningPolicies, scheduleKinds, visibilities } from "../tables.js";

type Values = Record<string, string>;
type Lists = Record<string, string[]>;

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="form-section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/**
 * The form to start a group, in four parts: about, place, time, joining. The same form, filled
 * in, is how a group's facilitators change its page and schedule (`editing`).
 */
export function FoundGroupPage({
  ctx,
  difficulties,
  organisations,
  editing,
  once = true,
  values = {},
  lists = {},
  errors = {},
}: {
  ctx: PageContext;
  difficulties: DifficultyOption[];
  organisations: { id: string; name: string }[];
  editing?: { slug: string; name: string };
  /** Starting a group happens once, however often the form is sent (Form's `once`). */
  once?: string | true;
  values?: Values;
  lists?: Lists;
  errors?: FieldErrors;
}) {
  const { t, lang } = ctx;
  const languageNames = displayNames(lang, "language");
  const weekdayNames = dateTimeFormat(lang === "it" ? "it-IT" : "en-GB", {
    weekday: "long",
    timeZone: "UTC",
  });
  const heading = editing ? t("settings.title", { group: editing.name }) : t("groups.new.title");
  return (
    <Layout ctx={ctx} title={formTitle(t, heading, errors)}>
      <ErrorSummary t={t} errors={errors} />
      {editing ? (
        <p>
          <a href={`/groups/${editing.slug}`}>{t("site.back")}</a>
        </p>
      ) : null}
      <h1>{heading}</h1>
      <p>{editing ? t("settings.intro") : t("groups.new.intro")}</p>
      <Form
        ctx={ctx}
        action={editing ? `/groups/${editing.slug}/settings` : "/groups"}
        once={editing ? undefined : once}
      >
        {organisations.length > 0 ? (
          <Radios
            t={t}
            name="organisationId"
            legend={t("groups.new.forOrganisation")}
            value={values.organisationId ?? ""}
            error={errors.organisationId}
            options={[
              { value: "", label: t("groups.new.independent") },
              ...organisations.map((o) => ({ value: o.id, label: o.name })),
            ]}
          />
        ) : null}
        <Section title={t("groups.section.about")}>
          <TextField
            t={t}
            name="name"
            label={t("groups.field.name")}
            hint={t("groups.field.nameHint")}
            value={values.name}
            error={errors.name}
          />
          <Textarea
            t={t}
            name="description"
            label={t("groups.field.description")}
            hint={t("groups.field.descriptionHint")}
            value={values.description}
            error={errors.description}
          />
          <Checkboxes
            t={t}
            name="difficulties"
            legend={t("groups.field.difficulties")}
            hint={t("groups.field.difficultiesHint")}
            checked={lists.difficulties ?? []}
            error={errors.difficulties}
            options={difficulties.map((d) => ({
              value: d.slug,
              label: d.name,
              hint: d.description,
            }))}
          />
          <Checkboxes
            t={t}
            name="openToAnyDifficulty"
            legend={t("groups.field.openToAny")}
            checked={lists.openToAnyDifficulty ?? []}
            options={[{ value: "yes", label: t("groups.field.openToAny") }]}
          />
          <Radios
            t={t}
            name="audience"
            legend={t("groups.field.audience")}
            value={values.audience}
            error={errors.audience}
            options={audiences.map((a) => ({ value: a, label: t(`groups.audience.${a}`) }))}
          />
          <Checkboxes
            t={t}
            name="languages"
            legend={t("groups.field.languages")}
            checked={lists.languages ?? []}
            error={errors.languages}
            options={groupLanguages.map((code) => ({
              value: code,
              label: languageNames.of(code) ?? code,
            }))}
          />
          <Radios
            t={t}
            name="writtenIn"
            legend={t("groups.field.writtenIn")}
            hint={t("groups.field.writtenInHint")}
            value={values.writtenIn}
            error={errors.writtenIn}
            options={groupLanguages.map((code) => ({
              value: code,
              label: languageNames.of(code) ?? code,
            }))}
          />
          <Textarea
            t={t}
            name="firstMeeting"
            label={t("groups.field.firstMeeting")}
            hint={t("groups.field.firstMeetingHint")}
            value={values.firstMeeting}
            error={errors.firstMeeting}
            rows={4}
          />
        </Section>
        <Section title={t("groups.section.place")}>
          <Radios
            t={t}
            name="format"
            legend={t("groups.field.format")}
            value={values.format}
            error={errors.format}
            options={formats.map((f) => ({ value: f, label: t(`groups.format.${f}`) }))}
          />
          <TextField
            t={t}
            name="venueName"
            label={t("groups.field.venueName")}
            hint={t("groups.field.venueNameHint")}
            value={values.venueName}
            error={errors.venueName}
          />
          <TextField
            t={t}
            name="streetAddress"
            label={t("groups.field.streetAddress")}
            value={values.streetAddress}
            error={errors.streetAddress}
            autocomplete="street-address"
          />
          <TextField
            t={t}
            name="town"
            label={t("groups.field.town")}
            value={values.town}
            error={errors.town}
            autocomplete="address-level2"
          />
          <TextField
            t={t}
            name="postalCode"
            label={t("groups.field.postalCode")}
            value={values.postalCode}
            error={errors.postalCode}
            autocomplete="postal-code"
            width="short"
          />
          <Checkboxes
            t={t}
            name="publishAddress"
            legend={t("groups.page.address")}
            checked={lists.publishAddress ?? []}
            options={[{ value: "yes", label: t("groups.field.publishAddress") }]}
          />
          <Checkboxes
            t={t}
            name="access"
            legend={t("groups.field.access")}
            checked={lists.access ?? []}
            options={accessNeeds.map((need) => ({
              value: need,
              label: t(`groups.access.${need}`),
            }))}
          />
          <TextField
            t={t}
            name="accessNotes"
            label={t("groups.field.accessNotes")}
            value={values.accessNotes}
            error={errors.accessNotes}
          />
          <TextField
            t={t}
            name="videoUrl"
            label={t("groups.field.videoUrl")}
            hint={t("groups.field.videoUrlHint")}
            value={values.videoUrl}
            error={errors.videoUrl}
            spellcheck={false}
          />
          <TextField
            t={t}
            name="phoneNumber"
            type="tel"
            label={t("groups.field.phoneNumber")}
            value={values.phoneNumber}
            error={errors.phoneNumber}
          />
          <TextField
            t={t}
            name="phonePin"
            label={t("groups.field.phonePin")}
            value={values.phonePin}
            error={errors.phonePin}
            width="short"
            inputmode="numeric"
          />
        </Section>
        <Section title={t("groups.section.time")}>
          <Radios
            t={t}
            name="scheduleKind"
            legend={t("groups.field.scheduleKind")}
            value={values.scheduleKind}
            error={errors.scheduleKind}
            options={scheduleKinds.map((k) => ({ value: k, label: t(`groups.schedule.${k}`) }))}
          />
          <Radios
            t={t}
            name="weekday"
            legend={t("groups.field.weekday")}
            value={values.weekday}
            error={errors.weekday}
            // 2023-01-01 was a Sunday: day d of that week has weekday d.
            options={[1, 2, 3, 4, 5, 6, 0].map((d) => ({
              value: String(d),
              label: weekdayNames.format(new Date(Date.UTC(2023, 0, 1 + d))),
            }))}
          />
          <Radios
            t={t}
            name="nth"
            legend={t("groups.field.nth")}
            value={values.nth}
            error={errors.nth}
            options={nths.map((n) => ({ value: n, label: t(`groups.nth.${n}`) }))}
          />
          <TextField
            t={t}
            name="startsOn"
            label={t("groups.field.startsOn")}
            hint={t("groups.field.startsOnHint")}
            value={values.startsOn}
            error={errors.startsOn}
            width="short"
          />
          <TextField
            t={t}
            name="startTime"
            label={t("groups.field.startTime")}
            hint={t("groups.field.startTimeHint")}
            value={values.startTime}
            error={errors.startTime}
            width="short"
          />
          <Radios
            t={t}
            name="duration"
            legend={t("groups.field.duration")}
            value={values.duration ?? "90"}
            error={errors.duration}
            options={durations.map((d) => ({ value: d, label: t(`groups.duration.${d}`) }))}
          />
          <Textarea
            t={t}
            name="oneOffDates"
            label={t("groups.field.oneOffDates")}
            hint={t("groups.field.oneOffDatesHint")}
            value={values.oneOffDates}
            error={errors.oneOffDates}
            rows={4}
          />
        </Section>
        <Section title={t("groups.section.joining")}>
          <TextField
            t={t}
            name="capacity"
            label={t("groups.field.capacity")}
            hint={t("groups.field.capacityHint")}
            value={values.capacity ?? "12"}
            error={errors.capacity}
            width="short"
            inputmode="numeric"
          />
          <Radios
            t={t}
            name="joiningPolicy"
            legend={t("groups.field.joiningPolicy")}
            value={values.joiningPolicy ?? "ask"}
            error={errors.joiningPolicy}
            options={joiningPolicies.map((p) => ({ value: p, label: t(`groups.joining.${p}`) }))}
          />
          <Radios
            t={t}
            name="visibility"
            legend={t("groups.field.visibility")}
            value={values.visibility ?? "listed"}
            error={errors.visibility}
            options={visibilities.map((v) => ({ value: v, label: t(`groups.visibility.${v}`) }))}
          />
        </Section>
        <SubmitButton>{editing ? t("settings.submit") : t("groups.new.submit")}</SubmitButton>
      </Form>
    </Layout>
  );
}
