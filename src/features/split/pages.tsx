import type { FastifyInstance } from "fastify";
import type { At } from "../../infra/actions/action.js";
import { htmlDoor, scopedPage } from "../../infra/actions/html-door.js";
import type { FieldErrors } from "../../infra/html/form.js";
import type { PageContext } from "../../infra/html/page-context.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { listActiveMembers } from "../memberships/reads.js";
import {
  chooseInSplitAction,
  completeSplitAction,
  proposeSplitAction,
  withdrawSplitAction,
  yoursOf,
} from "./actions.js";
import { SPLIT_MINIMUM } from "./policy.js";
import { madeBySplit } from "./reads.js";
import { type AtSplit, atSplit } from "./scope.js";
import { SplitPage } from "./views/split.js";

type FormState = {
  values?: Record<string, string>;
  lists?: Record<string, string[]>;
  errors?: FieldErrors;
  once?: string | null;
};

/** Splitting a group that has grown too big into two, each member choosing where to go. */
export async function splitPages(app: FastifyInstance) {
  const { db } = app.deps;

  /** The split page: the proposal, each member's choice, and a form put right if need be. */
  async function page(ctx: PageContext, at: At<AtSplit>, form: FormState = {}) {
    const members = await listActiveMembers(db, at.scope.group.id);
    return (
      <SplitPage
        ctx={ctx}
        group={at.scope.group}
        split={at.scope.split}
        members={members}
        viewerId={at.viewer.personId}
        can={at.scope.can}
        minimum={SPLIT_MINIMUM}
        once={form.once ?? true}
        values={form.values}
        lists={form.lists}
        errors={form.errors}
      />
    );
  }

  const back = (at: At<AtSplit>) => `/groups/${at.scope.group.slug}/split`;
  /** The group a split completed a moment before made for this person, if it was completed. */
  const made = (at: At<AtSplit>) => madeBySplit(db, at.scope.group.id, at.viewer.personId);

  scopedPage(app, "/groups/:slug/split", atSplit, async (request, reply, at) =>
    sendHtml(reply, await page(pageContext(request), at)),
  );

  htmlDoor(app, proposeSplitAction, {
    invalid: (ctx, at, form) => page(ctx, at, form),
    fields: {
      NOT_MEMBERS_FIRST: { facilitators1: "split.errors.notMember" },
      NOT_MEMBERS_SECOND: { facilitators2: "split.errors.notMember" },
    },
    // Sent twice (a double click): the first sending opened the split, which now bars another.
    once: { fallback: back, again: "split.proposed" },
    done: (at) => ({ to: back(at), flash: "split.proposed" }),
  });

  htmlDoor(app, chooseInSplitAction, {
    invalid: (ctx, at, form) => page(ctx, at, form),
    done: (at) => ({ to: back(at), flash: "split.chosen" }),
  });

  htmlDoor(app, withdrawSplitAction, {
    done: (at) => ({ to: back(at), flash: "split.withdrawn" }),
    // Completed a moment before by another facilitator: there is nothing left to withdraw. (Sent
    // twice, a withdrawal finds it withdrawn already, and says so once more.)
    refused: async (at, reason) => {
      if (reason !== "NO_SPLIT") return null;
      const group = await made(at);
      return group
        ? { to: `/groups/${group.slug}`, flash: "split.doneMeanwhile" }
        : { to: back(at), flash: "split.withdrawn" };
    },
  });

  htmlDoor(app, completeSplitAction, {
    done: (at, done) => {
      const landing = yoursOf(done, at.viewer.personId) ?? done.groups[0]!;
      return { to: `/groups/${landing.slug}`, flash: "split.done" };
    },
    // Completed by a first click, or by another facilitator a moment before: where it led; or
    // withdrawn a moment before by another facilitator.
    refused: async (at, reason) => {
      if (reason !== "NO_SPLIT") return null;
      const group = await made(at);
      return group
        ? { to: `/groups/${group.slug}`, flash: "split.done" }
        : { to: back(at), flash: "split.withdrawnMeanwhile" };
    },
    // A facilitator named for one of the groups has left since: the way on is to withdraw it.
    explain: {
      FACILITATOR_LEFT: (ctx, at) =>
        page(ctx, at, { errors: { withdraw: "split.errors.facilitatorLeft" } }),
    },
  });
}
