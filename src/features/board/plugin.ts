import type { FastifyInstance } from "fastify";
import { personalDataParts } from "../accounts/reads.js";
import { accountErasure } from "../accounts/writes.js";
import { membershipEnded } from "../memberships/writes.js";
import { boardApi } from "./api.js";
import { liveBoardPages } from "./live/pages.js";
import { boardMailPages } from "./mail/pages.js";
import { boardPages } from "./pages.js";
import { personalBoardData } from "./reads.js";
import { endLiveBoardFor, eraseBoardWords } from "./writes.js";

/** Registers a group's board: its pages, its JSON, its live stream and its mail. */
export async function boardPlugin(app: FastifyInstance): Promise<void> {
  // "Download your data" holds what the person wrote on every board.
  personalDataParts.register("board", ({ db, personId }) => personalBoardData(db, personId));
  // An erased account's words leave every board; its posts keep their place.
  accountErasure.register("board", ({ tx, personId, now }) => eraseBoardWords(tx, personId, now));
  // Someone whose place ends stops reading the board at once, on every instance.
  membershipEnded.register("board", ({ tx, groupId, personId }) =>
    endLiveBoardFor(tx, groupId, personId),
  );
  await app.register(boardPages);
  await app.register(boardApi);
  await app.register(boardMailPages);
  await app.register(liveBoardPages);
}
