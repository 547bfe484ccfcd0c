import { afterAll, beforeAll, expect, it } from "vitest";
import { startThread } from "../src/features/board/writes.js";
import { addMember, createGroup } from "../src/test/factories.js";
import {
  describeInBrowser,
  type E2E,
  flashText,
  signedInContext,
  startE2E,
  visit,
} from "./fixtures.js";
import { expectNoBarriers } from "./page-checks.js";

/** Reporting, hiding, asking back and the reports page, walked through in Chromium. */
describeInBrowser("moderation pages", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("has no barriers on any moderation page, with and without errors", async () => {
    const joined = new Date(e2e.t.clock.now().getTime() - 7 * 86_400_000);
    const group = await createGroup(e2e.t, { name: "Caffè Alzheimer Trento" });
    const grace = await signedInContext(e2e, {
      displayName: "Grace",
      email: `g-${Date.now()}@example.org`,
    });
    const ada = await signedInContext(e2e, {
      displayName: "Ada",
      email: `a-${Date.now()}@example.org`,
    });
    const rita = await signedInContext(e2e, {
      displayName: "Rita",
      email: `r-${Date.now()}@example.org`,
    });
    await addMember(e2e.t, group.id, grace.person.id, "facilitator", joined);
    await addMember(e2e.t, group.id, ada.person.id, "member", joined);
    await addMember(e2e.t, group.id, rita.person.id, "member", joined);
    const made: Extract<Awaited<ReturnType<typeof startThread>>, { ok: true }>["post"][] = [];
    for (const [i, body] of [
      "It was **a hard week**.",
      "Bruno is the worst.",
      "Buy my book!",
    ].entries()) {
      const s = await startThread(
        e2e.t.database.db,
        {
          groupId: group.id,
          authorId: ada.person.id,
          joinedAt: joined,
          title: `Week ${i}`,
          body,
          announcement: false,
          toEveryone: false,
        },
        new Date(e2e.t.clock.now().getTime() - (10 - i) * 60_000),
      );
      if (!s.ok) throw new Error(s.reason);
      made.push(s.post);
    }
    const [first, second, third] = made as [(typeof made)[0], (typeof made)[0], (typeof made)[0]];
    const p = (post: { id: string }, rest: string) =>
      `/groups/${group.slug}/board/posts/${post.id}${rest}`;

    const thread = await visit(
      rita.context,
      `/groups/${group.slug}/board/threads/${first.threadId}`,
    );
    await thread.getByRole("link", { name: "Report this message" }).click();
    await expectNoBarriers(thread, "the report page");
    await thread.getByRole("button", { name: "Send the report" }).click();
    expect(await thread.title()).toMatch(/^Error: /);
    await expectNoBarriers(thread, "the report page with an error");
    await thread.getByLabel("It is unkind or hurtful").check();
    await thread.getByLabel(/Anything you would like/).fill("It hurt.");
    await thread.getByRole("button", { name: "Send the report" }).click();
    expect(await flashText(thread)).toContain("Thank you.");
    await expectNoBarriers(thread, "a thread after reporting");
    for (const post of [second, third]) {
      const r = await visit(rita.context, p(post, "/report"));
      await r.getByLabel("Something else").check();
      await r.getByRole("button", { name: "Send the report" }).click();
    }
    await expectNoBarriers(await visit(rita.context, p(first, "/report"), 409), "already reported");
    await expectNoBarriers(
      await visit(rita.context, `/groups/${group.slug}/board/reports`, 403),
      "reports to a member",
    );

    const hide = await visit(grace.context, p(second, "/hide"));
    await expectNoBarriers(hide, "the hide page");
    await hide.getByRole("button", { name: "Hide the message" }).click();
    await expectNoBarriers(hide, "the hide page with an error");
    await hide.getByLabel("Your reason, for its author").fill("It names someone who is not here.");
    await hide.getByRole("button", { name: "Hide the message" }).click();
    expect(await flashText(hide)).toContain("The message is hidden.");

    const ask = await visit(ada.context, p(second, "/ask-back"));
    await expectNoBarriers(ask, "the ask-back page");
    await ask.getByLabel(/A message to the facilitators/).fill("I changed it.");
    await ask.getByRole("button", { name: "Ask for it to be shown again" }).click();
    await expectNoBarriers(ask, "the author's thread with a hidden post");
    await expectNoBarriers(
      await visit(grace.context, `/groups/${group.slug}/board/reports`),
      "the reports page",
    );
    await expectNoBarriers(await visit(grace.context, p(second, "/restore")), "the restore page");
    const reports = await visit(grace.context, `/groups/${group.slug}/board/reports`);
    await reports.getByRole("button", { name: "Leave it up" }).first().click();
    expect(await flashText(reports)).toContain("Decided");
    await expectNoBarriers(reports, "the reports page after a decision");
    const tools = await visit(
      grace.context,
      `/groups/${group.slug}/board/threads/${second.threadId}`,
    );
    await expectNoBarriers(tools, "a thread with the facilitators' tools");
  }, 300_000);
});
