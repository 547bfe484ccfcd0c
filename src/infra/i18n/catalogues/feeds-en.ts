/** English messages of the feeds pages. */
export const feedsEn = {} as const;
