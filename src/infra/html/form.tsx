import type { ComponentChildren } from "preact";
import { z } from "zod";
import { isMessageKey, type MessageKey, type Translate } from "../i18n/i18n.js";
import { newSubmissionId, ONCE_FIELD } from "./once-field.js";
import type { PageContext } from "./page-context.js";

/** Field name → message key, in the order the fields appear. */
export type FieldErrors = Record<string, MessageKey>;

export type FormState<Values> = {
  values: Partial<Record<keyof Values, string>>;
  errors: FieldErrors;
};

export type FormParse<T> =
  | { ok: true; data: T; values: Record<string, string>; lists: Record<string, string[]> }
  | {
      ok: false;
      /** What the person typed, to show back in text fields. */
      values: Record<string, string>;
      /** What the person ticked, for checkbox groups sent as repeated names. */
      lists: Record<string, string[]>;
      errors: FieldErrors;
    };

// C0 controls but tab, line feed and carriage return, and DEL.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Text without the invisible control characters a keyboard never types (a NUL byte, say), which
 * PostgreSQL refuses in text: forms drop them before anything looks at the input.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(controlCharacters, "");
}

/**
 * Parses a submitted form with the feature's schema. On failure the person's own input comes
 * back as it was typed, with one plain message per field. Repeated names (checkboxes) reach
 * the schema as arrays.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormParse<z.output<S>> {
  const raw = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  const input: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === "_csrf" || key === ONCE_FIELD) continue;
    if (typeof value === "string") {
      const text = withoutControlCharacters(value);
      values[key] = text;
      lists[key] = [text];
      input[key] = text;
    } else if (Array.isArray(value)) {
      const strings = value
        .filter((v): v is string => typeof v === "string")
        .map(withoutControlCharacters);
      values[key] = strings[0] ?? "";
      lists[key] = strings;
      input[key] = strings;
    }
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data, values, lists };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (errors[field]) continue;
    errors[field] = isMessageKey(issue.message) ? issue.message : "errors.generic";
  }
  return { ok: false, values, lists, errors };
}

export function formTitle(t: Translate, title: string, errors: FieldErrors | undefined): string {
  return errors && Object.keys(errors).length > 0 ? t("form.errorTitle", { title }) : title;
}

export function ErrorSummary({ t, errors }: { t: Translate; errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t("form.errorSummary")}</h2>
      <ul>
        {entries.map(([field, key]) => (
          <li key={field}>
            <a href={`#${field}`}>{t(key)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Form({
  ctx,
  action,
  once,
  children,
}: {
  ctx: PageContext;
  action: string;
  /**
   * For a form whose work must not happen twice (starting a group): the id of this filling-in,
   * kept when the form comes back to be put right; `true` for a new one (infra/http/once.ts).
   */
  once?: string | true;
  children: ComponentChildren;
}) {
  return (
    <form method="post" action={action} novalidate>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {once ? (
        <input type="hidden" name={ONCE_FIELD} value={once === true ? newSubmissionId() : once} />
      ) : null}
      {children}
    </form>
  );
}

/** A field's hint and error message, with the ids its control's aria-describedby names. */
export function FieldNotes({
  t,
  name,
  hint,
  error,
}: {
  t: Translate;
  name: string;
  hint?: string | undefined;
  error?: MessageKey | undefined;
}) {
  return (
    <>
      {hint ? (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error-message" id={`${name}-error`}>
          {t(error)}
        </p>
      ) : null}
    </>
  );
}

type TextFieldProps = {
  t: Translate;
  name: string;
  label: string;
  hint?: string;
  value?: string | undefined;
  error?: MessageKey | undefined;
  type?: "text" | "email" | "tel";
  autocomplete?: string;
  inputmode?: "numeric" | "email" | "text";
  width?: "short" | "full";
  spellcheck?: boolean;
  maxLength?: number;
};

export function TextField(props: TextFieldProps) {
  const { t, name, label, hint, value, error } = props;
  const describedBy = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div class={`field${error ? " field-error" : ""}`}>
      <label for={name}>{label}</label>
      <FieldNotes t={t} name={name} hint={hint} error={error} />
      <input
        id={name}
        name={name}
        type={props.type ?? "text"}
        value={value ?? ""}
        class={props.width === "short" ? "input-short" : undefined}
        autocomplete={props.autocomplete}
        inputMode={props.inputmode}
        spellcheck={props.spellcheck}
        maxLength={props.maxLength}
        list={undefined}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? "true" : undefined}
      />
    </div>
  );
}

export function SubmitButton({
  children,
  variant,
  id,
}: {
  children: ComponentChildren;
  variant?: "warning" | "secondary";
  /** For an error summary's link to the button, where the way on is another action. */
  id?: string;
}) {
  return (
    <button type="submit" id={id} class={`button${variant ? ` button-${variant}` : ""}`}>
      {children}
    </button>
  );
}

/** A group of checkboxes: nothing ticked, one ticked (a string) or several (an array). */
export function checkboxList<T extends z.ZodType<string>>(item: T) {
  return z.preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
    z.array(item),
  );
}

/** A single checkbox: present means yes. */
export const checkbox = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => value !== undefined);

/** A longer answer in the person's own words. */
export function Textarea({
  t,
  name,
  label,
  hint,
  value,
  error,
  rows = 5,
}: {
  t: Translate;
  name: string;
  label: string;
  hint?: string;
  value?: string | undefined;
  error?: MessageKey | undefined;
  rows?: number;
}) {
  const describedBy = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div class={`field${error ? " field-error" : ""}`}>
      <label for={name}>{label}</label>
      <FieldNotes t={t} name={name} hint={hint} error={error} />
      <textarea
        id={name}
        name={name}
        rows={rows}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? "true" : undefined}
      >
        {value ?? ""}
      </textarea>
    </div>
  );
}
