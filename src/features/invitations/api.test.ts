import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { addMember, createGroup, personWithSession } from "../../test/factories.js";
import { getMembership } from "../memberships/reads.js";
import { groupInvitations } from "./tables.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.clock.set(new Date("2026-03-10T09:00:00.000Z"));
  t.mail.clear();
});

async function askingGroup() {
  const row = await createGroup(t, { joiningPolicy: "ask" });
  const grace = await personWithSession(t, { displayName: "Grace" });
  await addMember(t, row.id, grace.person.id, "facilitator");
  const saved = () =>
    t.database.db.select().from(groupInvitations).where(eq(groupInvitations.groupId, row.id));
  return { row, grace, saved };
}

describe("invitations through the JSON API", () => {
  it("invites by e-mail, and the person invited takes it up with the link's secret", async () => {
    const { row, grace } = await askingGroup();
    const nina = await personWithSession(t, { displayName: "Nina" });
    const sent = await grace.browser.json("POST", `/api/v1/groups/${row.slug}/invitations`, {
      email: nina.person.email,
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toEqual({
      email: nina.person.email,
      expiresAt: "2026-03-24T09:00:00.000Z",
    });
    const token = (await t.mail.lastTo(nina.person.email)).text.match(
      /\/invitations\/([A-Za-z0-9_-]{43})/,
    )?.[1];
    const otto = await personWithSession(t, { displayName: "Otto" });
    const forwarded = await otto.browser.json("POST", `/api/v1/invitations/${token}`, {});
    expect(forwarded.statusCode).toBe(403);
    expect(forwarded.json().error.code).toBe("other_address");
    const taken = await nina.browser.json("POST", `/api/v1/invitations/${token}`, {});
    expect(taken.statusCode).toBe(200);
    expect(taken.json()).toEqual({ group: row.slug, state: "active" });
    expect((await getMembership(t.database.db, row.id, nina.person.id))?.state).toBe("active");
    expect((await nina.browser.json("POST", `/api/v1/invitations/${token}`, {})).statusCode).toBe(
      404,
    );
  });

  it("answers 400 for an address that is not one, and 503 while the mail server is away, saving nothing", async () => {
    const { row, grace, saved } = await askingGroup();
    const url = `/api/v1/groups/${row.slug}/invitations`;
    const bad = await grace.browser.json("POST", url, { email: "nina at example" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.email).toBe("Enter an e-mail address, like name@example.org");
    t.mail.away = true;
    try {
      const away = await grace.browser.json("POST", url, { email: "nina@example.org" });
      expect(away.statusCode).toBe(503);
      expect(away.json().error.code).toBe("mail_unavailable");
    } finally {
      t.mail.away = false;
    }
    t.mail.refused.add("gone@example.org");
    try {
      const refused = await grace.browser.json("POST", url, { email: "gone@example.org" });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.code).toBe("address_refused");
    } finally {
      t.mail.refused.clear();
    }
    expect(await saved()).toEqual([]);
  });
});
