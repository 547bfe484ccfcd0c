import type { FastifyInstance } from "fastify";
import { scopedPage } from "../../../infra/actions/html-door.js";
import { streamLive } from "../../../infra/realtime/live-stream.js";
import { listEventsAfter } from "../reads.js";
import { onBoard } from "../scope.js";
import { boardTopic } from "../writes.js";

/**
 * The board's live stream (Server-Sent Events), for its active members: each event says what
 * happened (a post, an edit, a reaction…) and where, never the words, which the page's script
 * then reads through the pages' own rules. A member whose place ends is cut off at once, on
 * every instance (writes.ts endLiveBoardFor). The same stream serves the API's clients.
 */
export async function liveBoardPages(app: FastifyInstance) {
  const { db } = app.deps;
  for (const url of ["/groups/:slug/board/live", "/api/v1/groups/:slug/board/live"]) {
    scopedPage(app, url, onBoard, async (request, reply, at) => {
      // A HEAD asks whether the stream is there; it must not open one that never ends.
      if (request.method === "HEAD") return reply.type("text/event-stream").send();
      const topic = boardTopic(at.scope.group.id);
      await streamLive(request, reply, {
        hub: app.deps.live,
        topic,
        key: at.viewer.personId,
        replay: (afterId) => listEventsAfter(db, at.scope.group.id, afterId, topic),
      });
    });
  }
}
