import type { FastifyInstance } from "fastify";
import { htmlDoor, scopedPage } from "../../../infra/actions/html-door.js";
import { pageContext } from "../../../infra/html/page-context.js";
import { sendHtml } from "../../../infra/html/render.js";
import { personalDataParts } from "../../accounts/reads.js";
import { getGroupById } from "../../groups/reads.js";
import { onBoard } from "../scope.js";
import { chooseBoardMailAction } from "./actions.js";
import { boardMailApi } from "./api.js";
import { isUnsubscribeToken } from "./inputs.js";
import { getBoardMailChoice, personalBoardMailData } from "./reads.js";
import {
  ChoicePage,
  UnknownLinkPage,
  UnsubscribedPage,
  UnsubscribePage,
} from "./views/mail-pages.js";
import { unsubscribeFromBoard } from "./writes.js";

type TokenParams = { Params: { token: string } };

/**
 * Mail about the board: a member's choice (each post, a daily digest, none), its JSON, and the
 * one-click unsubscribe of every board e-mail. "Download your data" holds each choice.
 */
export async function boardMailPages(app: FastifyInstance) {
  personalDataParts.register("board-mail", ({ db, personId }) =>
    personalBoardMailData(db, personId),
  );
  const { db, clock } = app.deps;

  scopedPage(app, "/groups/:slug/board/mail", onBoard, async (request, reply, at) => {
    const { group } = at.scope;
    const choice = await getBoardMailChoice(db, group.id, at.viewer.personId);
    return sendHtml(reply, <ChoicePage ctx={pageContext(request)} group={group} choice={choice} />);
  });

  htmlDoor(app, chooseBoardMailAction, {
    // What was sent is not a choice: the page again, with what is saved still chosen.
    invalid: async (ctx, at, form) => (
      <ChoicePage
        ctx={ctx}
        group={at.scope.group}
        choice={await getBoardMailChoice(db, at.scope.group.id, at.viewer.personId)}
        errors={form.errors}
      />
    ),
    done: (at) => ({ to: `/groups/${at.scope.group.slug}/board/mail`, flash: "board.mail.saved" }),
  });

  app.get<TokenParams>("/unsubscribe/board/:token", async (request, reply) => {
    const ctx = pageContext(request);
    if (!isUnsubscribeToken(request.params.token))
      return sendHtml(reply, <UnknownLinkPage ctx={ctx} />, 404);
    return sendHtml(reply, <UnsubscribePage ctx={ctx} token={request.params.token} />);
  });

  // A mail program's one-click POST (RFC 8058) carries no form token: the link's secret is enough.
  app.post<TokenParams>(
    "/unsubscribe/board/:token",
    { config: { oneClickPost: true } },
    async (request, reply) => {
      const ctx = pageContext(request);
      const { token } = request.params;
      const result = isUnsubscribeToken(token)
        ? await unsubscribeFromBoard(db, token, clock())
        : ({ ok: false } as const);
      if (!result.ok) return sendHtml(reply, <UnknownLinkPage ctx={ctx} />, 404);
      const group = await getGroupById(db, result.groupId);
      return sendHtml(reply, <UnsubscribedPage ctx={ctx} group={group} />);
    },
  );

  await app.register(boardMailApi);
}
