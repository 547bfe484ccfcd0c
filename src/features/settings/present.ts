import { choiceFromRule } from "../../infra/time/recurrence.js";
import { writtenDate } from "../groups/inputs.js";
import type { Group } from "../groups/reads.js";

const accessColumns = [
  ["stepFree", "stepFree"],
  ["accessibleToilet", "accessibleToilet"],
  ["hearingLoop", "hearingLoop"],
  ["parking", "parking"],
  ["nearPublicTransport", "nearPublicTransport"],
] as const;

/** The group as its form shows it: what the facilitators typed when they last saved it. */
export function formOfGroup(group: Group): {
  values: Record<string, string>;
  lists: Record<string, string[]>;
} {
  const choice = group.rrule ? choiceFromRule(group.rrule) : null;
  const values: Record<string, string> = {
    name: group.name,
    description: group.description,
    firstMeeting: group.firstMeeting,
    audience: group.audience,
    format: group.format,
    venueName: group.venueName ?? "",
    streetAddress: group.streetAddress ?? "",
    town: group.town ?? "",
    postalCode: group.postalCode ?? "",
    accessNotes: group.accessNotes,
    videoUrl: group.videoUrl ?? "",
    phoneNumber: group.phoneNumber ?? "",
    phonePin: group.phonePin ?? "",
    scheduleKind: group.scheduleKind,
    startsOn: group.startsOn ? writtenDate(group.startsOn) : "",
    startTime: group.startTime?.slice(0, 5) ?? "",
    duration: String(group.durationMinutes),
    oneOffDates: group.oneOffs
      .map((local) => `${writtenDate(local.slice(0, 10))} ${local.slice(11, 16)}`)
      .join("\n"),
    capacity: String(group.capacity),
    joiningPolicy: group.joiningPolicy,
    visibility: group.visibility,
  };
  // Radios left unchosen are not sent by a browser, so they are not filled in either.
  if (group.weekday !== null) values.weekday = String(group.weekday);
  if (group.writtenIn !== null) values.writtenIn = group.writtenIn;
  if (choice?.kind === "monthly") values.nth = String(choice.position);
  const lists: Record<string, string[]> = {
    difficulties: group.difficultySlugs,
    openToAnyDifficulty: group.openToAnyDifficulty ? ["yes"] : [],
    languages: group.languages,
    publishAddress: group.publishAddress ? ["yes"] : [],
    access: accessColumns.filter(([, column]) => group[column]).map(([need]) => need),
  };
  return { values, lists };
}
