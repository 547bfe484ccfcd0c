import { z } from "zod";
import { declareAction, notifierOf } from "../../infra/actions/action.js";
import { getGroupBySlug } from "../groups/reads.js";
import { groupStatuses } from "../groups/tables.js";
import { ledGroup } from "../memberships/scope.js";
import { changeInput } from "./inputs.js";
import { sendLifeChange } from "./mail.js";
import { historyUntil } from "./policy.js";
import { changeGroupLife } from "./writes.js";

const becomes = { pause: "paused", resume: "active", close: "closed" } as const;
const doneAlready = {
  pause: "PAUSED_ALREADY",
  resume: "RESUMED_ALREADY",
  close: "CLOSED_ALREADY",
} as const;

/** The people who lead pause the group, start it again, or close it: for its form and JSON. */
export const changeGroupLifeAction = declareAction({
  name: "group.life.change",
  page: "/groups/:slug/close",
  api: { method: "POST", url: "/api/v1/groups/:slug/life-change" },
  summary: "Pause a group, start it again, or close it once it has agreed to (those who lead it)",
  input: changeInput,
  scope: ledGroup,
  async run({ scope, db, now }, { change }) {
    const changed = await changeGroupLife(db, { groupId: scope.group.id, change }, now);
    if (changed.ok) return { ...changed, status: becomes[change] };
    // Done a moment before, by a double click or another facilitator: it stands, and is said.
    const status = (await getGroupBySlug(db, scope.group.slug))?.status;
    return status === becomes[change]
      ? ({ ok: false, reason: doneAlready[change] } as const)
      : changed;
  },
  async after(at, { change }, done) {
    const notifier = notifierOf(at);
    const { group } = at.scope;
    const closed = change === "close" ? { status: "closed" as const, closedAt: at.now } : null;
    const until = closed ? historyUntil(closed) : null;
    await sendLifeChange(notifier, group, change, done.memberIds, until);
  },
  reasons: {
    NOT_NOW: { status: 409, message: "error.conflict.body" },
    PAUSED_ALREADY: { status: 409, message: "close.paused" },
    RESUMED_ALREADY: { status: 409, message: "close.resumed" },
    CLOSED_ALREADY: { status: 409, message: "close.closed" },
  },
  result: z.object({ status: z.enum(groupStatuses) }).describe("Where the group stands now"),
  present: (done) => ({ status: done.status }),
});
