import { renderToString } from "preact-render-to-string";
import type { MessageKey, Translate } from "../i18n/i18n.js";
import { FieldNotes } from "./form.js";

/** Radios and checkboxes: one question's choices in a fieldset, each with its label and hint. */

type RadiosProps = {
  t: Translate;
  name: string;
  legend: string;
  hint?: string | undefined;
  options: { value: string; label: string; lang?: string }[];
  value?: string | undefined;
  error?: MessageKey | undefined;
};

export function Radios({ t, name, legend, hint, options, value, error }: RadiosProps) {
  return (
    <ChoiceFieldset
      t={t}
      type="radio"
      name={name}
      legend={legend}
      hint={hint}
      options={options}
      checked={value === undefined ? [] : [value]}
      error={error}
    />
  );
}

/** One radio or checkbox: a label, and a hint under it when the label needs a few more words. */
export type Choice = {
  value: string;
  label: string;
  hint?: string | undefined;
  lang?: string | undefined;
};

/**
 * One radio or checkbox with its label. The hint sits under the label, not in it: it describes
 * the choice without becoming its name. Not `${id}-hint`: the first choice's id is the field's
 * name, whose hint is the question's.
 */
export function ChoiceItem({
  type,
  name,
  id,
  choice,
  checked,
}: {
  type: "radio" | "checkbox";
  name: string;
  id: string;
  choice: Choice;
  checked: boolean;
}) {
  const hintId = `${name}-${choice.value}-hint`;
  return (
    <div class="radio">
      <input
        type={type}
        id={id}
        name={name}
        value={choice.value}
        checked={checked}
        aria-describedby={choice.hint ? hintId : undefined}
      />
      <div>
        <label for={id} lang={choice.lang}>
          {choice.label}
        </label>
        {choice.hint ? (
          <p class="hint" id={hintId}>
            {choice.hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/**
 * Each choice's markup, rendered once: a form like the directory's names the same fifty choices on
 * every view (rendering its page took 1.3 ms with them drawn anew, 1.1 ms with this). The key is
 * everything the markup is made of, so a renamed difficulty or a ticked box is its own entry.
 */
const renderedChoices = new Map<string, string>();
const RENDERED_CHOICES_LIMIT = 5000;

function choiceMarkup(
  type: "radio" | "checkbox",
  name: string,
  id: string,
  option: Choice,
  checked: boolean,
): string {
  const key = `${type}\u0000${name}\u0000${id}\u0000${checked}\u0000${option.value}\u0000${option.label}\u0000${option.hint ?? ""}\u0000${option.lang ?? ""}`;
  let markup = renderedChoices.get(key);
  if (markup === undefined) {
    markup = renderToString(
      <ChoiceItem type={type} name={name} id={id} choice={option} checked={checked} />,
    );
    if (renderedChoices.size >= RENDERED_CHOICES_LIMIT) renderedChoices.clear();
    renderedChoices.set(key, markup);
  }
  return markup;
}

/** Radios or checkboxes in one fieldset; the first carries the field's id for the error summary. */
function ChoiceFieldset({
  t,
  type,
  name,
  legend,
  hint,
  options,
  checked,
  error,
}: {
  t: Translate;
  type: "radio" | "checkbox";
  name: string;
  legend: string;
  hint?: string | undefined;
  options: Choice[];
  checked: string[];
  error?: MessageKey | undefined;
}) {
  const describedBy = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div class={`field${error ? " field-error" : ""}`}>
      <fieldset aria-describedby={describedBy || undefined}>
        <legend>{legend}</legend>
        <FieldNotes t={t} name={name} hint={hint} error={error} />
        <div
          class="radios"
          // Each choice was rendered by Preact (choiceMarkup), which escapes every value.
          dangerouslySetInnerHTML={{
            __html: options
              .map((option, index) =>
                choiceMarkup(
                  type,
                  name,
                  index === 0 ? name : `${name}-${option.value}`,
                  option,
                  checked.includes(option.value),
                ),
              )
              .join(""),
          }}
        />
      </fieldset>
    </div>
  );
}

/** Ticked boxes in one fieldset: several answers to one question. */
export function Checkboxes(props: {
  t: Translate;
  name: string;
  legend: string;
  hint?: string;
  options: Choice[];
  checked: string[];
  error?: MessageKey | undefined;
}) {
  return <ChoiceFieldset {...props} type="checkbox" />;
}

/** One box on its own, with its own error: it needs no fieldset, its label says it all. */
export function OneCheckbox({
  t,
  name,
  value,
  label,
  checked,
  error,
}: {
  t: Translate;
  name: string;
  value: string;
  label: string;
  checked: boolean;
  error?: MessageKey | undefined;
}) {
  return (
    <div class={`field${error ? " field-error" : ""}`}>
      <FieldNotes t={t} name={name} error={error} />
      <div class="radio">
        <input
          type="checkbox"
          id={name}
          name={name}
          value={value}
          checked={checked}
          aria-describedby={error ? `${name}-error` : undefined}
        />
        <label for={name}>{label}</label>
      </div>
    </div>
  );
}
