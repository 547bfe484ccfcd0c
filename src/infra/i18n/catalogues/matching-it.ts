import type { matchingEn } from "./matching-en.js";

/** Italian messages of the matching pages: the compiler checks every English key is here. */
export const matchingIt: Record<keyof typeof matchingEn, string> = {};
