/** Counts of people below this are not shown to anyone outside the group. */
export const SMALLEST_SHOWN = 5;

/** A count of people as an organisation may see it: null when it is too small to show. */
export function shownCount(people: number): number | null {
  return people >= SMALLEST_SHOWN ? people : null;
}
