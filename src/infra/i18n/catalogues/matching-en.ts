/** English messages of the matching pages. */
export const matchingEn = {} as const;
