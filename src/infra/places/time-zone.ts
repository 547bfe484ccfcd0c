import { createRequire } from "node:module";

// tz-lookup is a CommonJS package without types: the time-zone boundaries are built into it, so
// the answer comes offline.
const require = createRequire(import.meta.url);
const lookup = require("tz-lookup") as (latitude: number, longitude: number) => string;

/** The IANA time zone of a place: a group that meets in Leeds keeps Leeds's clock. */
export function timeZoneAt(place: { latitude: number; longitude: number }): string {
  return lookup(place.latitude, place.longitude);
}
