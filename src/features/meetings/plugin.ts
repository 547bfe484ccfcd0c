import type { FastifyInstance } from "fastify";
import { personalDataParts } from "../accounts/reads.js";
import { groupStarted } from "../groups/writes.js";
import { membershipEnded } from "../memberships/writes.js";
import { meetingApi } from "./api.js";
import { attendanceApi } from "./attendance/api.js";
import { attendancePages } from "./attendance/pages.js";
import { meetingChangeApi } from "./changes/api.js";
import { meetingChangePages } from "./changes/pages.js";
import { meetingPages } from "./pages.js";
import { personalMeetingData } from "./reads.js";
import { reminderApi } from "./reminders/api.js";
import { reminderPages } from "./reminders/pages.js";
import { rotaApi } from "./rota/api.js";
import { rotaPages } from "./rota/pages.js";
import { withdrawFromMeetingsAhead } from "./rota/writes.js";
import { planMeetingsIn } from "./writes.js";

/** Registers a group's meetings: the list, each meeting, the rota and attendance, reminders. */
export async function meetingsPlugin(app: FastifyInstance): Promise<void> {
  // "Download your data" holds the person's answers, themes and e-mail choices.
  personalDataParts.register("meetings", ({ db, personId }) => personalMeetingData(db, personId));
  // A group starts with its first twelve weeks of meetings, in the transaction that starts it.
  groupStarted.register("meetings", async ({ tx, group, now }) => {
    await planMeetingsIn(tx, group, now);
  });
  // Someone whose place ends takes no part in the meetings still to come.
  membershipEnded.register("meetings", ({ tx, groupId, personId, now }) =>
    withdrawFromMeetingsAhead(tx, { groupId, personId }, now),
  );
  await app.register(meetingPages);
  await app.register(meetingChangePages);
  await app.register(rotaPages);
  await app.register(attendancePages);
  await app.register(reminderPages);
  await app.register(meetingApi);
  await app.register(meetingChangeApi);
  await app.register(rotaApi);
  await app.register(attendanceApi);
  await app.register(reminderApi);
}
