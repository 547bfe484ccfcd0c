import type { Language } from "../i18n/i18n.js";

export const textSizes = ["standard", "large", "largest"] as const;
export type TextSize = (typeof textSizes)[number];
export const contrasts = ["standard", "high"] as const;
export type Contrast = (typeof contrasts)[number];
export type SignInMethod = "email" | "passkey";

/** The signed-in person as every page and policy sees them: who, and how they signed in. */
export type Viewer = {
  personId: string;
  email: string;
  displayName: string | null;
  language: Language;
  textSize: TextSize;
  contrast: Contrast;
  isAdmin: boolean;
  sessionIdHash: string;
  signInMethod: SignInMethod;
};
