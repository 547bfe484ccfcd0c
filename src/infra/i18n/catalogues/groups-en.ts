/** English messages of the groups pages. */
export const groupsEn = {} as const;
