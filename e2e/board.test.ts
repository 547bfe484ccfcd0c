import { afterAll, beforeAll, expect, it } from "vitest";
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

/** A browser signed in as a new person, with JavaScript on or off. */
const signedIn = (e2e: E2E, name: string, javaScriptEnabled = true) =>
  signedInContext(
    e2e,
    { displayName: name, email: `${name.toLowerCase()}-${Date.now()}@example.org` },
    { javaScriptEnabled },
  );

describeInBrowser("a group's board", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  /** Members joined a week ago: their first day's limit is long past. */
  const joined = () => new Date(e2e.t.clock.now().getTime() - 7 * 86_400_000);

  it("lets members talk with JavaScript off, and a facilitator's announcement reaches each member once", async () => {
    const group = await createGroup(e2e.t, { name: "Caffè Alzheimer Trento" });
    const grace = await signedIn(e2e, "Grace", false);
    const ada = await signedIn(e2e, "Ada", false);
    const marco = await signedIn(e2e, "Marco", false);
    await addMember(e2e.t, group.id, grace.person.id, "facilitator", joined());
    await addMember(e2e.t, group.id, ada.person.id, "member", joined());
    await addMember(e2e.t, group.id, marco.person.id, "member", joined());

    // Ada starts a thread from the group's page.
    const adaPage = await visit(ada.context, `/groups/${group.slug}`);
    await adaPage.getByRole("link", { name: "The group's board" }).click();
    await adaPage.getByRole("link", { name: "Start a conversation" }).first().click();
    await adaPage.getByLabel("What it is about").fill("After the memory clinic");
    await adaPage.getByLabel("Your message").fill("How did your appointments go this week?");
    await adaPage.getByRole("button", { name: "Post it" }).click();
    expect(await flashText(adaPage)).toBe("Your message is on the board.");

    // Marco finds it marked new, says "Me too" and replies.
    const marcoPage = await visit(marco.context, `/groups/${group.slug}/board`);
    expect(await marcoPage.getByText("New for you").count()).toBe(1);
    await marcoPage.getByRole("link", { name: "After the memory clinic" }).click();
    e2e.t.clock.advance(10_000);
    await marcoPage.getByRole("button", { name: "Me too" }).click();
    expect(
      await marcoPage.getByRole("button", { name: "Me too (1)" }).getAttribute("aria-pressed"),
    ).toBe("true");
    await marcoPage.getByLabel("Your reply").fill("Mum's went well, thank you for asking.");
    await marcoPage.getByRole("button", { name: "Post your reply" }).click();
    expect(await flashText(marcoPage)).toBe("Your reply is on the board.");
    expect(await marcoPage.getByText("Mum's went well").isVisible()).toBe(true);

    // Grace posts an announcement; the mail goes from the job queue, once to each member.
    const gracePage = await visit(grace.context, `/groups/${group.slug}/board`);
    await gracePage.getByRole("link", { name: "Post an announcement" }).click();
    await gracePage.getByLabel("What it is about").fill("Next Tuesday at the library");
    await gracePage
      .getByLabel("Your message")
      .fill("The hall is being painted: we meet at the library.");
    await gracePage.getByRole("button", { name: "Post the announcement" }).click();
    expect(await flashText(gracePage)).toMatch(/announcement is on the board/);
    await e2e.t.runJobs();
    await e2e.t.runJobs();
    for (const member of [ada, marco]) {
      const received = e2e.t.mail.messages.filter(
        (m) => m.to.includes(member.person.email) && m.text.includes("we meet at the library"),
      );
      expect(received, member.person.email).toHaveLength(1);
    }
    const board = await visit(ada.context, `/groups/${group.slug}/board`);
    const first = board.getByRole("listitem").filter({ hasText: "Announcement" }).first();
    expect(await first.getByRole("link").textContent()).toBe("Next Tuesday at the library");

    // The e-mail's one-click link asks first; the page, the choice of mail and a link that
    // does not work have no barriers (checked with scripts on: axe runs inside the page).
    const withScripts = await e2e.newContext();
    await withScripts.addCookies(await ada.context.cookies());
    const mail = e2e.t.mail.messages.find((m) => m.to.includes(ada.person.email))!;
    const link = /<(http[^>]+\/unsubscribe\/board\/[^>]+)>/.exec(
      mail.header("list-unsubscribe") ?? "",
    )![1]!;
    await expectNoBarriers(
      await visit(withScripts, new URL(link).pathname),
      "leaving the board's e-mails",
    );
    await expectNoBarriers(
      await visit(withScripts, `/groups/${group.slug}/board/mail`),
      "the choice of board e-mails",
    );
    await expectNoBarriers(
      await visit(withScripts, `/unsubscribe/board/${"x".repeat(43)}`),
      "a board e-mail's link that does not work",
    );
  });

  it("shows a reply on a third member's open board without reloading", async () => {
    const group = await createGroup(e2e.t);
    const ada = await signedIn(e2e, "Ada", false);
    const nina = await signedIn(e2e, "Nina", true);
    const marco = await signedIn(e2e, "Marco", false);
    for (const who of [ada, nina, marco])
      await addMember(e2e.t, group.id, who.person.id, "member", joined());
    const started = await visit(ada.context, `/groups/${group.slug}/board/new`);
    await started.getByLabel("What it is about").fill("Sleep");
    await started.getByLabel("Your message").fill("Does anyone sleep well these days?");
    await started.getByRole("button", { name: "Post it" }).click();
    const threadPath = new URL(started.url()).pathname;

    const open = await visit(nina.context, threadPath);
    await open.waitForLoadState("networkidle").catch(() => undefined);
    let reloaded = false;
    open.on("framenavigated", (frame) => {
      if (frame === open.mainFrame()) reloaded = true;
    });
    e2e.t.clock.advance(10_000);
    const replying = await visit(marco.context, threadPath);
    await replying.getByLabel("Your reply").fill("A warm bath before bed helps me.");
    await replying.getByRole("button", { name: "Post your reply" }).click();
    await open.getByText("A warm bath before bed helps me.").waitFor();
    expect(reloaded).toBe(false);
    expect(await open.locator("[data-live-status]").textContent()).toMatch(/Something new/);
  });

  it("has no barriers on the board, a thread and its forms, with and without errors", async () => {
    const group = await createGroup(e2e.t);
    const grace = await signedIn(e2e, "Grace");
    const ada = await signedIn(e2e, "Ada");
    await addMember(e2e.t, group.id, grace.person.id, "facilitator", joined());
    await addMember(e2e.t, group.id, ada.person.id, "member", joined());
    const page = await visit(ada.context, `/groups/${group.slug}/board`);
    await expectNoBarriers(page, "an empty board");
    const form = await visit(ada.context, `/groups/${group.slug}/board/new`);
    await form.getByRole("button", { name: "Post it" }).click();
    expect(await form.title()).toMatch(/^Error: /);
    await expectNoBarriers(form, "a new conversation, with errors");
    await form.getByLabel("What it is about").fill("Respite care");
    await form
      .getByLabel("Your message")
      .fill("Has anyone used the *day centre* on Via Verdi?\n\n- mornings\n- afternoons");
    await form.getByRole("button", { name: "Post it" }).click();
    const threadPath = new URL(form.url()).pathname;
    e2e.t.clock.advance(10_000);
    const thread = await visit(grace.context, threadPath);
    await thread.getByRole("button", { name: "Thank you" }).click();
    await thread.getByRole("button", { name: "Post your reply" }).click();
    await expectNoBarriers(thread, "a thread with a reaction, and its reply form with an error");
    await expectNoBarriers(
      await visit(ada.context, `/groups/${group.slug}/board`),
      "a board with a thread",
    );
    await expectNoBarriers(
      await visit(grace.context, `/groups/${group.slug}/board/announcements/new`),
      "a new announcement",
    );
    const mine = await visit(ada.context, threadPath);
    const edit = await mine.getByRole("link", { name: "Change this message" }).getAttribute("href");
    const remove = await mine
      .getByRole("link", { name: "Delete this message" })
      .getAttribute("href");
    await expectNoBarriers(await visit(ada.context, edit!), "changing a message");
    await expectNoBarriers(await visit(ada.context, remove!), "deleting a message");
  });
});
