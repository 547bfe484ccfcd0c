/** English messages of the directory pages. */
export const directoryEn = {} as const;
