import { randomUUID } from "node:crypto";
import { z } from "zod";
import { declareAction } from "../../infra/actions/action.js";
import { isUuid } from "../../infra/http/ids.js";
import { helpInput } from "./inputs.js";
import { askingForHelp } from "./scope.js";
import { queueHelpRequest } from "./writes.js";

const carried = z.union([z.string(), z.array(z.string())]).optional();

/**
 * Asking for help: the person's name and how to reach them (helpInput), the form's own id, and
 * the answers given so far, as /find's query string carries them (read by the scope).
 */
export const askForHelpInput = z.intersection(
  helpInput,
  z.object({
    request: z.string().optional().describe("The form's own id: sent twice, it is one request"),
    difficulty: carried,
    who: carried,
    how: carried,
    place: carried,
    radius: carried,
    day: carried,
    time: carried,
    when: carried,
    language: carried,
  }),
);

/** Someone asks a person to help them find a group: for the help form and its JSON. */
export const askForHelpAction = declareAction({
  name: "find.help",
  page: "/find/help",
  api: { method: "POST", url: "/api/v1/find/help", status: 201 },
  summary: "Ask a person to help find a group, with the answers given so far (anyone)",
  input: askForHelpInput,
  anyone: true,
  scope: askingForHelp,
  // Nowhere to send it: the page says whom to call instead, and nothing is sent.
  refuse: ({ deps }) => (deps.config.helpEmail ? null : "NO_HELP_CONTACT"),
  async run({ scope, db, now, deps }, input) {
    const { helpEmail, instanceName } = deps.config;
    if (!helpEmail) return { ok: false, reason: "NO_HELP_CONTACT" } as const;
    // The form's own id: sent twice, it is one request. A form without one is a request of its own.
    const id = isUuid(input.request) ? input.request : randomUUID();
    const { name, contact, message } = input;
    const answers = scope.rows.map((row) => ({ question: row.title, answer: row.answer }));
    const request = { name, contact, message };
    const mail = {
      to: helpEmail,
      language: scope.language,
      siteName: instanceName,
      request,
      answers,
    };
    await queueHelpRequest(db, { id, mail }, now);
    return { ok: true, id } as const;
  },
  reasons: { NO_HELP_CONTACT: { status: 404, message: "error.notFound.body" } },
  result: z.object({
    id: z.string().describe("The request's id: sent again with it, it is the same request"),
  }),
  present: (done) => ({ id: done.id }),
});
