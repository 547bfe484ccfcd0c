import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withoutControlCharacters } from "../../../infra/html/form.js";
import { buildTestApp, type TestApp } from "../../../test/build-app.js";
import { addMember, createGroup, personWithSession } from "../../../test/factories.js";
import { deleteAccount } from "../../accounts/writes.js";
import { boardMailPreferences, boardUnsubscribeLinks } from "../tables.js";
import { issueBoardUnsubscribeLink } from "./writes.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

async function member(language = "en") {
  const group = await createGroup(t);
  const ada = await personWithSession(t, { displayName: "Ada", language });
  await addMember(t, group.id, ada.person.id, "member", new Date("2026-03-01T09:00:00.000Z"));
  return { group, ada };
}

const choicesOf = (personId: string) =>
  t.database.db
    .select()
    .from(boardMailPreferences)
    .where(eq(boardMailPreferences.personId, personId));

/** Which radio is ticked on the page. */
const ticked = (html: string) =>
  ["each", "digest", "none"].filter((value) =>
    new RegExp(`value="${value}"[^>]*checked`).test(html),
  );

describe("the choice of mail about the board", () => {
  it("shows the daily digest chosen until the member chooses otherwise, and saves their choice", async () => {
    const { group, ada } = await member();
    const page = await ada.browser.get(`/groups/${group.slug}/board/mail`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`E-mails about the board of ${group.name}`);
    expect(ticked(page.body)).toEqual(["digest"]);

    const saved = await ada.browser.post(`/groups/${group.slug}/board/mail`, { choice: "each" });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/groups/${group.slug}/board/mail`);
    const again = await ada.browser.get(`/groups/${group.slug}/board/mail`);
    expect(again.body).toContain("Your choice is saved.");
    expect(ticked(again.body)).toEqual(["each"]);
    expect((await choicesOf(ada.person.id)).map((c) => c.choice)).toEqual(["each"]);
  });

  it("shows the page in the member's language", async () => {
    const { group, ada } = await member("it");
    const page = await ada.browser.get(`/groups/${group.slug}/board/mail`);
    expect(page.body).toContain("Un'e-mail al giorno");
  });

  it("answers anything but the three choices with the form again and a message, changing nothing", async () => {
    const { group, ada } = await member();
    await ada.browser.post(`/groups/${group.slug}/board/mail`, { choice: "none" });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom("weekly", "EACH", "", " each", "none ", "digest\n"),
          fc.string({ maxLength: 40 }),
        ),
        async (choice) => {
          // A form drops invisible control characters before reading it: "e\u0001ach" is "each".
          fc.pre(!["each", "digest", "none"].includes(withoutControlCharacters(choice)));
          const sent = await ada.browser.post(`/groups/${group.slug}/board/mail`, { choice });
          expect(sent.statusCode).toBe(400);
          expect(sent.body).toContain("Choose one of the three");
          // What is saved is still what the page shows ticked.
          expect(ticked(sent.body)).toEqual(["none"]);
        },
      ),
      { numRuns: 150 },
    );
    const nothing = await ada.browser.post(`/groups/${group.slug}/board/mail`, {});
    expect(nothing.statusCode).toBe(400);
    expect((await choicesOf(ada.person.id)).map((c) => c.choice)).toEqual(["none"]);
  });

  it("reads and changes the choice through the JSON API with the same rules", async () => {
    const { group, ada } = await member();
    const url = `/api/v1/groups/${group.slug}/board/mail`;
    expect((await ada.browser.json("GET", url)).json()).toEqual({ choice: "digest" });
    const changed = await ada.browser.json("PUT", url, { choice: "none" });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ choice: "none" });
    expect((await ada.browser.json("GET", url)).json()).toEqual({ choice: "none" });
    for (const body of [{ choice: "weekly" }, {}, { choice: 3 }, { choice: ["each"] }]) {
      const refused = await ada.browser.json("PUT", url, body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(refused.json().error.code).toBeTypeOf("string");
    }
    expect((await choicesOf(ada.person.id)).map((c) => c.choice)).toEqual(["none"]);
  });

  it("puts each choice in the member's own copy of their data", async () => {
    const { group, ada } = await member();
    await ada.browser.post(`/groups/${group.slug}/board/mail`, { choice: "each" });
    const data = (await ada.browser.get("/account/export")).json();
    expect(data["board-mail"]).toEqual([
      expect.objectContaining({ group: group.name, choice: "each" }),
    ]);
  });

  it("forgets the choices and the unsubscribe links of an erased account", async () => {
    const { group, ada } = await member();
    await ada.browser.post(`/groups/${group.slug}/board/mail`, { choice: "each" });
    await issueBoardUnsubscribeLink(
      t.database.db,
      { groupId: group.id, personId: ada.person.id },
      t.clock.now(),
    );
    await deleteAccount(t.database.db, ada.person.id, t.clock.now());
    expect(await choicesOf(ada.person.id)).toEqual([]);
    const links = await t.database.db
      .select()
      .from(boardUnsubscribeLinks)
      .where(eq(boardUnsubscribeLinks.personId, ada.person.id));
    expect(links).toEqual([]);
  });
});
