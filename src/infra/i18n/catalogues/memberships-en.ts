/** English messages of the memberships pages. */
export const membershipsEn = {} as const;
