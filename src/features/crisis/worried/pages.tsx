import type { FastifyInstance } from "fastify";
import type { At } from "../../../infra/actions/action.js";
import { htmlDoor, scopedPage } from "../../../infra/actions/html-door.js";
import { pageContext } from "../../../infra/html/page-context.js";
import { sendHtml } from "../../../infra/html/render.js";
import { HttpProblem } from "../../../infra/http/problem.js";
import { listContacts } from "../../accounts/reads.js";
import { type AtPost, atPost } from "../../board/scope.js";
import { worriedAction, worryRefusal } from "./actions.js";
import { WorriedPage } from "./views/worried-page.js";

const pathOf = (at: At<AtPost>) =>
  `/groups/${at.scope.group.slug}/board/posts/${at.scope.post.id}/worried`;
const backTo = (at: At<AtPost>) =>
  `/groups/${at.scope.group.slug}/board/threads/${at.scope.post.threadId}#post-${at.scope.post.id}`;

/** The page and form of "I'm worried about this person", on someone else's post. */
export async function worriedPages(app: FastifyInstance) {
  const { db } = app.deps;
  const authorName = async (at: At<AtPost>) => {
    const [author] = await listContacts(db, at.scope.post.authorId ? [at.scope.post.authorId] : []);
    return author?.displayName || "";
  };

  // Shown only where the action is allowed: someone else's post, still there (403 otherwise).
  const worryable = async (...args: Parameters<typeof atPost>) => {
    const found = await atPost(...args);
    if (worryRefusal(found.post, args[1].personId) === null) return found;
    throw new HttpProblem(403, "forbidden", "This cannot be done for this post.");
  };

  scopedPage(
    app,
    "/groups/:slug/board/posts/:postId/worried",
    worryable,
    async (request, reply, at) =>
      sendHtml(
        reply,
        <WorriedPage
          ctx={pageContext(request)}
          group={at.scope.group}
          author={await authorName(at)}
          action={pathOf(at)}
          back={backTo(at)}
        />,
      ),
  );

  htmlDoor(app, worriedAction, {
    invalid: async (ctx, at, form) => (
      <WorriedPage
        ctx={ctx}
        group={at.scope.group}
        author={await authorName(at)}
        action={pathOf(at)}
        back={backTo(at)}
        values={form.values}
        errors={form.errors}
      />
    ),
    // Told once already: thanked again, and nothing changes.
    refused: (at, reason) =>
      reason === "ALREADY_TOLD" ? { to: backTo(at), flash: "crisis.worried.already" } : null,
    done: (at) => ({ to: backTo(at), flash: "crisis.worried.sent" }),
  });
}
