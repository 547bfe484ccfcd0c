import { z } from "zod";
import { isOwnPath } from "../../infra/http/require-viewer.js";
import { contrasts, textSizes } from "../../infra/http/viewer.js";
import { languages } from "../../infra/i18n/i18n.js";

/** Messages are i18n keys: the form shows them in the reader's language, the API in English. */
export const emailAddress = z
  .string()
  .trim()
  .min(1, "errors.email.required")
  .max(254, "errors.email.tooLong")
  .pipe(z.email("errors.email.invalid"))
  .transform((email) => email.toLowerCase());

export const signInRequestInput = z.object({ email: emailAddress });

/** One field; paste allowed; spaces, dashes and dots people copy with it are ignored. */
export const signInCodeInput = z.object({
  code: z
    .string()
    .transform((code) => code.replace(/[\s.\-–]/g, ""))
    .pipe(
      z
        .string()
        .min(1, "errors.code.required")
        .regex(/^[0-9]{6}$/, "errors.code.format"),
    ),
});

export const displayName = z
  .string()
  .trim()
  .min(1, "errors.displayName.required")
  .max(40, "errors.displayName.tooLong")
  .regex(/^[\p{L}\p{M}][\p{L}\p{M} '’.-]*$/u, "errors.displayName.characters");

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: "errors.choice.invalid" });

export const welcomeInput = z.object({ displayName });

export const profileInput = z.object({
  displayName,
  language: choice(languages),
  textSize: choice(textSizes),
  contrast: choice(contrasts),
});
export type ProfileInput = z.infer<typeof profileInput>;

export const languageSwitchInput = z.object({
  language: choice(languages),
  back: z.string().refine(isOwnPath).catch("/"),
});

/** The JSON API takes the same fields, each optional, and refuses any other. */
export const profilePatchInput = profileInput.partial().strict();
