import type { feedsEn } from "./feeds-en.js";

/** Italian messages of the feeds pages: the compiler checks every English key is here. */
export const feedsIt: Record<keyof typeof feedsEn, string> = {};
