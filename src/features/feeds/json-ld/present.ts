import { translator } from "../../../infra/i18n/i18n.js";
import { isoWithOffset } from "../../../infra/time/zoned.js";
import {
  groupLanguage,
  groupPageUrl,
  type PublicGroup,
  publicPlace,
} from "../../groups/present.js";

const attendanceModes: Record<string, string> = {
  in_person: "https://schema.org/OfflineEventAttendanceMode",
  online: "https://schema.org/OnlineEventAttendanceMode",
  telephone: "https://schema.org/OnlineEventAttendanceMode",
  hybrid: "https://schema.org/MixedEventAttendanceMode",
};

/**
 * schema.org structured data for a listed, active group's page: an Event for a single meeting,
 * or an EventSeries whose subEvents are the next three. The place is the public one (a Place with
 * its PostalAddress, street only when published); online and telephone meetings are a
 * VirtualLocation without any link. Null for unlisted, paused or closed groups, and when no
 * meeting is coming: such pages must not advertise events.
 *
 * The group page passes the group row (with `organisationName` when it has one), its coming
 * meetings as they now stand (moved ones at their new time, cancelled ones marked, so a search
 * engine does not send anyone to a meeting that will not happen) and config.publicUrl.
 */
export function groupEventJsonLd(
  group: PublicGroup,
  meetings: readonly { startsAt: Date; endsAt: Date; cancelled?: boolean }[],
  baseUrl: URL | string,
): Record<string, unknown> | null {
  if (group.visibility !== "listed" || group.status !== "active") return null;
  const next = meetings.slice(0, 3);
  const first = next[0];
  if (!first) return null;
  const t = translator(groupLanguage(group));
  const url = groupPageUrl(group.slug, baseUrl);
  const place = publicPlace(group);
  const locations: Record<string, unknown>[] = [];
  if (place) {
    const address = {
      "@type": "PostalAddress",
      ...(place.streetAddress ? { streetAddress: place.streetAddress } : {}),
      ...(place.postalCode ? { postalCode: place.postalCode } : {}),
      ...(place.town ? { addressLocality: place.town } : {}),
      ...(place.country ? { addressCountry: place.country } : {}),
    };
    locations.push({
      "@type": "Place",
      name: place.venueName ?? place.town ?? group.name,
      address,
      ...(place.latitude !== null && place.longitude !== null
        ? {
            geo: {
              "@type": "GeoCoordinates",
              latitude: place.latitude,
              longitude: place.longitude,
            },
          }
        : {}),
    });
  }
  if (group.format !== "in_person") {
    locations.push({
      "@type": "VirtualLocation",
      name: t(group.format === "telephone" ? "feeds.location.telephone" : "feeds.location.online"),
    });
  }
  const location = locations.length === 1 ? locations[0] : locations;
  const attendance = attendanceModes[group.format] ?? attendanceModes.in_person;
  const inLanguage = group.languages.length === 1 ? group.languages[0] : group.languages;
  const event = (meeting: (typeof next)[number]) => ({
    "@type": "Event",
    name: group.name,
    startDate: isoWithOffset(meeting.startsAt, group.timeZone),
    endDate: isoWithOffset(meeting.endsAt, group.timeZone),
    eventStatus: meeting.cancelled
      ? "https://schema.org/EventCancelled"
      : "https://schema.org/EventScheduled",
    eventAttendanceMode: attendance,
    location,
    url,
  });
  const about = {
    description: group.description,
    isAccessibleForFree: true,
    inLanguage,
    ...(group.organisationName
      ? { organizer: { "@type": "Organization", name: group.organisationName } }
      : {}),
  };
  if (next.length === 1) return { "@context": "https://schema.org", ...event(first), ...about };
  return {
    "@context": "https://schema.org",
    "@type": "EventSeries",
    name: group.name,
    url,
    startDate: isoWithOffset(first.startsAt, group.timeZone),
    eventAttendanceMode: attendance,
    location,
    ...about,
    subEvent: next.map(event),
  };
}
