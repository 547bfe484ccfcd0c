import { z } from "zod";
import { contrasts, textSizes, type Viewer } from "../../infra/http/viewer.js";
import { languages } from "../../infra/i18n/i18n.js";
import type { AccountAbilities } from "./policy.js";
import type { collectPersonalData } from "./reads.js";

/** `/api/v1/me`: exactly these fields leave the server. */
export const meShown = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string().nullable(),
  language: z.enum(languages),
  textSize: z.enum(textSizes),
  contrast: z.enum(contrasts),
  isAdmin: z.boolean(),
  signInMethod: z.enum(["email", "passkey"]),
  abilities: z.record(z.string(), z.boolean()),
});

export function presentMe(viewer: Viewer, abilities: AccountAbilities): z.infer<typeof meShown> {
  return {
    id: viewer.personId,
    email: viewer.email,
    displayName: viewer.displayName,
    language: viewer.language,
    textSize: viewer.textSize,
    contrast: viewer.contrast,
    isAdmin: viewer.isAdmin,
    signInMethod: viewer.signInMethod,
    abilities,
  };
}

type PersonalData = NonNullable<Awaited<ReturnType<typeof collectPersonalData>>>;

/** "Download your data": everything kept about the person, in words a reader can follow. */
export function presentPersonalData(data: PersonalData, now: Date) {
  const { person } = data;
  return {
    about: "Everything Mutua keeps about you, as of the date below.",
    exportedAt: now.toISOString(),
    account: {
      email: person.email,
      displayName: person.displayName,
      language: person.language,
      textSize: person.textSize,
      contrast: person.contrast,
      isAdministrator: person.isAdmin,
      createdAt: person.createdAt.toISOString(),
      updatedAt: person.updatedAt.toISOString(),
    },
    signedInDevices: data.sessions.map((s) => ({
      method: s.method,
      signedInAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
    })),
    passkeys: data.passkeys.map((p) => ({
      name: p.name,
      addedAt: p.createdAt.toISOString(),
      lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
    })),
    securityEvents: data.events.map((e) => ({
      action: e.action,
      at: e.occurredAt.toISOString(),
      details: e.details,
    })),
  };
}
