/** A group with no meeting held for this long is flagged to its organisation's coordinators. */
export const QUIET_DAYS = 90;
/** The facilitators are told when this many people have waited this long. */
export const LONG_WAIT = { people: 3, days: 28 };
/** A notice of the same kind about the same group is not sent again sooner than this. */
export const NOTICE_AGAIN_DAYS = 28;
