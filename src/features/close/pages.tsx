import type { FastifyInstance } from "fastify";
import { htmlDoor, scopedPage } from "../../infra/actions/html-door.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { HttpProblem } from "../../infra/http/problem.js";
import type { MessageKey } from "../../infra/i18n/i18n.js";
import { listContacts } from "../accounts/reads.js";
import { listPastMeetings } from "../meetings/reads.js";
import { listFormerMembers } from "../memberships/reads.js";
import { ledGroup } from "../memberships/scope.js";
import { changeGroupLifeAction } from "./actions.js";
import { historyUntil } from "./policy.js";
import { closedGroupRead } from "./scope.js";
import { ClosePage, HistoryPage } from "./views/close.js";
import type { LifeChange } from "./writes.js";

/** Where a person goes once the group has paused, started again or closed, and the words. */
function landing(slug: string, change: LifeChange): { to: string; flash: MessageKey } {
  if (change === "close") return { to: `/groups/${slug}/history`, flash: "close.closed" };
  return { to: `/groups/${slug}`, flash: change === "pause" ? "close.paused" : "close.resumed" };
}

const doneBefore = {
  PAUSED_ALREADY: "pause",
  RESUMED_ALREADY: "resume",
  CLOSED_ALREADY: "close",
} as const;

/** Pausing, starting again and closing a group, and a closed group's history. */
export async function closePages(app: FastifyInstance) {
  const { db } = app.deps;

  scopedPage(app, "/groups/:slug/close", ledGroup, async (request, reply, { scope }) =>
    sendHtml(reply, <ClosePage ctx={pageContext(request)} group={scope.group} />),
  );

  htmlDoor(app, changeGroupLifeAction, {
    invalid: (ctx, { scope }, form) => {
      // Only the buttons send a change: anything else is not this page's form.
      if (form.errors.change) {
        throw new HttpProblem(400, "invalid_input", "Choose to pause, resume or close.");
      }
      return <ClosePage ctx={ctx} group={scope.group} errors={form.errors} />;
    },
    done: (at, _done, { change }) => landing(at.scope.group.slug, change),
    // Done a moment before, by a double click or another facilitator: it stands, and is said.
    refused: (at, reason) =>
      reason === "NOT_NOW" ? null : landing(at.scope.group.slug, doneBefore[reason]),
  });

  scopedPage(app, "/groups/:slug/history", closedGroupRead, async (request, reply, at) => {
    const group = at.scope;
    const { closedAt } = group;
    const [former, meetings] = await Promise.all([
      listFormerMembers(db, group.id, closedAt),
      listPastMeetings(db, group.id, { since: new Date(0), now: closedAt }),
    ]);
    const names = (await listContacts(db, former)).map((c) => c.displayName || "–");
    return sendHtml(
      reply,
      <HistoryPage
        ctx={pageContext(request)}
        group={group}
        closedAt={closedAt}
        until={historyUntil(group)!}
        agreement={group.agreement}
        members={names}
        meetings={meetings}
      />,
    );
  });
}
