import { type Choice, ChoiceItem } from "../../../infra/html/choices.js";
import { FieldNotes } from "../../../infra/html/form.js";
import type { MessageKey, Translate } from "../../../infra/i18n/i18n.js";

const idFor = (name: string, value: string, index: number) =>
  index === 0 ? name : `${name}-${value}`;

type ChoicesProps = {
  t: Translate;
  type: "radio" | "checkbox";
  name: string;
  /** A legend of its own, or the id of the page's heading when the question is the heading. */
  legend: { text: string } | { labelledBy: string };
  hint?: string | undefined;
  choices: Choice[];
  /** A last choice set apart by "or", such as "Something else, or I'm not sure". */
  orChoice?: Choice | undefined;
  checked: string[];
  error?: MessageKey | undefined;
};

/**
 * Radios or checkboxes in one fieldset, GOV.UK style: hint and error under the question, the
 * error's field id on the first choice so the error summary's link lands on it.
 */
export function Choices(props: ChoicesProps) {
  const { t, type, name, legend, hint, choices, orChoice, checked, error } = props;
  const describedBy = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div class={`field${error ? " field-error" : ""}`}>
      <fieldset
        aria-labelledby={"labelledBy" in legend ? legend.labelledBy : undefined}
        aria-describedby={describedBy || undefined}
      >
        {"text" in legend ? <legend>{legend.text}</legend> : null}
        <FieldNotes t={t} name={name} hint={hint} error={error} />
        <div class="radios">
          {choices.map((choice, index) => (
            <ChoiceItem
              key={choice.value}
              type={type}
              name={name}
              id={idFor(name, choice.value, index)}
              choice={choice}
              checked={checked.includes(choice.value)}
            />
          ))}
          {orChoice ? (
            <>
              <p>{t("matching.or")}</p>
              <ChoiceItem
                type={type}
                name={name}
                id={idFor(name, orChoice.value, choices.length)}
                choice={orChoice}
                checked={checked.includes(orChoice.value)}
              />
            </>
          ) : null}
        </div>
      </fieldset>
    </div>
  );
}
