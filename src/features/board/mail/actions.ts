import { z } from "zod";
import { declareAction } from "../../../infra/actions/action.js";
import { onBoard } from "../scope.js";
import { boardMailChoices } from "../tables.js";
import { boardMailInput } from "./inputs.js";
import { saveBoardMailChoice } from "./writes.js";

export const chosenJson = z
  .object({ choice: z.enum(boardMailChoices) })
  .describe("The mail the member now gets about the board: each post, a daily digest, or none");

/** A member chooses how much mail they get about the group's board. */
export const chooseBoardMailAction = declareAction({
  name: "board.mail.choose",
  page: "/groups/:slug/board/mail",
  api: { method: "PUT", url: "/api/v1/groups/:slug/board/mail" },
  summary: "Choose the e-mails you get about a group's board: each post, a daily digest, or none",
  input: boardMailInput,
  scope: onBoard,
  async run({ scope, viewer, db, now }, { choice }) {
    await saveBoardMailChoice(
      db,
      { groupId: scope.group.id, personId: viewer.personId, choice },
      now,
    );
    return { ok: true as const, choice };
  },
  reasons: {},
  result: chosenJson,
  present: ({ choice }) => ({ choice }),
});
