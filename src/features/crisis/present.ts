import { z } from "zod";
import type { AlertStep } from "./inputs.js";
import { stepAbilities } from "./policy.js";
import type { AlertRow } from "./reads.js";
import { alertSources, alertStates, riskCategories } from "./tables.js";

/** A note on an alert: the worried member's words, what was done, why it was closed. */
export type NoteKind = "worry" | "acted" | "closed";
export type AlertNote = { kind: NoteKind; text: string; at: Date };

const storedNotes = z.array(
  z.object({ kind: z.enum(["worry", "acted", "closed"]), text: z.string(), at: z.string() }),
);

/**
 * An alert's notes, kept in its one note column as a small JSON list (at most three: the
 * worry, the action, the closing), read back; anything unreadable is shown as one note.
 */
export function notesOf(stored: string | null): AlertNote[] {
  if (!stored) return [];
  try {
    const parsed = storedNotes.safeParse(JSON.parse(stored));
    if (parsed.success) return parsed.data.map((n) => ({ ...n, at: new Date(n.at) }));
  } catch {
    // Written before notes were a list: the text as it is.
  }
  return [{ kind: "acted", text: stored, at: new Date(0) }];
}

export function withNote(stored: string | null, note: AlertNote): string {
  const notes = [...notesOf(stored), note].map((n) => ({ ...n, at: n.at.toISOString() }));
  return JSON.stringify(notes);
}

const named = (id: string | null, name: string | null) => (id ? { id, name: name ?? "" } : null);

/** An alert as those who handle it read it: never the post's words. */
export type AlertView = {
  id: string;
  group: { slug: string; name: string; timeZone: string };
  subject: { id: string; name: string } | null;
  source: AlertRow["source"];
  category: AlertRow["category"];
  /** The worried member: shown to those who handle the alert, never to the person it is about. */
  raisedBy: { id: string; name: string } | null;
  state: AlertRow["state"];
  createdAt: Date;
  firstSeen: { at: Date; by: { id: string; name: string } | null; afterMinutes: number } | null;
  actedAt: Date | null;
  closedAt: Date | null;
  round: number;
  notes: AlertNote[];
  /** Where the post is, for members who handle the alert; null through an e-mailed link. */
  post: { id: string; path: string } | null;
  abilities: Record<AlertStep, boolean>;
};

export function alertView(row: AlertRow, opts: { withPost: boolean }): AlertView {
  const { firstSeenAt } = row;
  return {
    id: row.id,
    group: { slug: row.groupSlug, name: row.groupName, timeZone: row.groupTimeZone },
    subject: named(row.subjectId, row.subjectName),
    source: row.source,
    category: row.category,
    raisedBy: named(row.raisedBy, row.raisedByName),
    state: row.state,
    createdAt: row.createdAt,
    firstSeen: firstSeenAt
      ? {
          at: firstSeenAt,
          by: named(row.firstSeenBy, row.firstSeenByName),
          afterMinutes: Math.round((firstSeenAt.getTime() - row.createdAt.getTime()) / 60_000),
        }
      : null,
    actedAt: row.actedAt,
    closedAt: row.closedAt,
    round: row.round,
    notes: notesOf(row.note),
    post:
      opts.withPost && row.postId && row.threadId
        ? {
            id: row.postId,
            path: `/groups/${row.groupSlug}/board/threads/${row.threadId}#post-${row.postId}`,
          }
        : null,
    abilities: stepAbilities(row),
  };
}

const person = z.object({ id: z.string(), name: z.string() });

export const alertJson = z.object({
  id: z.string(),
  group: z.object({ slug: z.string(), name: z.string() }),
  subject: person.nullable().describe("Who the alert is about; null once their account is erased"),
  source: z.enum(alertSources),
  category: z.enum(riskCategories).nullable().describe("For words in a post: what they were about"),
  raisedBy: person.nullable().describe("The worried member: never shown to the person it is about"),
  state: z.enum(alertStates),
  createdAt: z.string(),
  firstSeen: z
    .object({ at: z.string(), by: person.nullable(), afterMinutes: z.number().int() })
    .nullable()
    .describe("The first human look, and how long it took"),
  actedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  round: z.number().int().describe("0: sent; 1: sent again; 2: gone to the safeguarding lead"),
  notes: z.array(
    z.object({ kind: z.enum(["worry", "acted", "closed"]), text: z.string(), at: z.string() }),
  ),
  post: z
    .object({ id: z.string(), path: z.string() })
    .nullable()
    .describe("The post on the board (never its words); null through an e-mailed link"),
  abilities: z.object({ seen: z.boolean(), acted_on: z.boolean(), closed: z.boolean() }),
});

export function presentAlert(view: AlertView): z.infer<typeof alertJson> {
  return {
    ...view,
    group: { slug: view.group.slug, name: view.group.name },
    createdAt: view.createdAt.toISOString(),
    firstSeen: view.firstSeen ? { ...view.firstSeen, at: view.firstSeen.at.toISOString() } : null,
    actedAt: view.actedAt?.toISOString() ?? null,
    closedAt: view.closedAt?.toISOString() ?? null,
    notes: view.notes.map((n) => ({ ...n, at: n.at.toISOString() })),
  };
}
