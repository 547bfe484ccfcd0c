/** A group with no meeting held for this long is flagged to its organisation's coordinators. */
export const QUIET_DAYS = 90;
/** The facilitators are told when this many people have waited this long. */
export const LONG_WAIT = { people: 3, days: 28 };
/** A notice of the same kind about the same group is not sent again sooner than this. */
export const NOTICE_AGAIN_DAYS = 28;
/** Counts of people below this are not shown to anyone outside the group. */
export const SMALLEST_SHOWN = 5;

/** A count of people as an organisation may see it: null when it is too small to show. */
export function shownCount(people: number): number | null {
  return people >= SMALLEST_SHOWN ? people : null;
}
