import type { membershipsEn } from "./memberships-en.js";

/** Italian messages of the memberships pages: the compiler checks every English key is here. */
export const membershipsIt: Record<keyof typeof membershipsEn, string> = {};
