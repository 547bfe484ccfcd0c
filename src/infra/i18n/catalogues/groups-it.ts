import type { groupsEn } from "./groups-en.js";

/** Italian messages of the groups pages: the compiler checks every English key is here. */
export const groupsIt: Record<keyof typeof groupsEn, string> = {};
