import type { directoryEn } from "./directory-en.js";

/** Italian messages of the directory pages: the compiler checks every English key is here. */
export const directoryIt: Record<keyof typeof directoryEn, string> = {};
