import type { FastifyInstance } from "fastify";
import type { JSX } from "preact";
import type { Action, At, Outcome, Refusal } from "../../infra/actions/action.js";
import { htmlDoor, type Invalid, scopedPage } from "../../infra/actions/html-door.js";
import { MessagePage } from "../../infra/html/message-page.js";
import { type PageContext, pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { notFound } from "../../infra/http/problem.js";
import { postView } from "../board/present.js";
import { type AtPost, onBoard } from "../board/scope.js";
import {
  askBackAction,
  hideAction,
  leaveUpAction,
  reportAction,
  restoreAction,
} from "./actions.js";
import { moderates } from "./policy.js";
import { reportsView } from "./present.js";
import { listPostsOf, readReportsOf } from "./reads.js";
import { AskBackPage, HidePage, ReportPage, RestorePage } from "./views/forms.js";
import { postInThread, reportsPath } from "./views/parts.js";
import { ReportsPage } from "./views/reports-page.js";

const viewerOf = (at: At<AtPost>) => ({
  personId: at.viewer.personId,
  standing: at.scope.standing,
  now: at.now,
});

type PostForm = typeof ReportPage;

/** Reporting, hiding, restoring and asking back: each a page of one question, and its form. */
export async function moderationPages(app: FastifyInstance) {
  const { db } = app.deps;

  /** The post as the reader may read it, with its author's name. */
  async function viewOf(at: At<AtPost>) {
    const [row] = await listPostsOf(db, at.scope.group.id, [at.scope.post.id]);
    const post = row ?? { ...at.scope.post, authorName: null };
    return postView({ ...post, reactions: [] }, viewerOf(at));
  }

  const formOf =
    <Scope extends AtPost>(Page: PostForm) =>
    async (ctx: PageContext, at: At<Scope>, form: Partial<Invalid<unknown>> = {}) => (
      <Page
        ctx={ctx}
        group={at.scope.group}
        post={await viewOf(at)}
        once={form.once ?? true}
        values={form.values}
        errors={form.errors}
      />
    );

  /**
   * A form's own page, shown while its action would be allowed; otherwise a page saying why, with
   * the refusal's status (404 to anyone who may not know the post exists), as the form would.
   */
  function formPage<Scope, O extends Outcome>(
    url: string,
    action: Pick<Action<Scope, never, O, unknown>, "scope" | "refuse" | "reasons">,
    page: (ctx: PageContext, at: At<Scope>) => Promise<JSX.Element>,
  ) {
    scopedPage(app, url, action.scope, async (request, reply, at) => {
      const ctx = pageContext(request);
      const reason = action.refuse?.(at) ?? null;
      if (reason === null) return sendHtml(reply, await page(ctx, at));
      const refusal = (action.reasons as Record<string, Refusal>)[reason]!;
      if (refusal.status === 404) throw notFound();
      const title = ctx.t(
        refusal.status === 409 ? "error.conflict.title" : "error.forbidden.title",
      );
      return sendHtml(
        reply,
        <MessagePage ctx={ctx} title={title} body={ctx.t(refusal.message)} />,
        refusal.status,
      );
    });
  }

  const toPost = (at: At<AtPost>) => postInThread(at.scope.group, at.scope.post);

  formPage(reportAction.page, reportAction, formOf(ReportPage));
  htmlDoor(app, reportAction, {
    invalid: formOf(ReportPage),
    once: { fallback: toPost, again: "moderation.report.done" },
    done: (at) => ({ to: toPost(at), flash: "moderation.report.done" }),
  });

  formPage(hideAction.page, hideAction, formOf(HidePage));
  htmlDoor(app, hideAction, {
    invalid: formOf(HidePage),
    once: { fallback: (at) => reportsPath(at.scope.group), again: "moderation.hide.done" },
    done: (at) => ({ to: reportsPath(at.scope.group), flash: "moderation.hide.done" }),
  });

  formPage(restoreAction.page, restoreAction, formOf(RestorePage));
  htmlDoor(app, restoreAction, {
    invalid: formOf(RestorePage),
    once: { fallback: toPost, again: "moderation.restore.done" },
    done: (at) => ({ to: toPost(at), flash: "moderation.restore.done" }),
  });

  formPage(askBackAction.page, askBackAction, formOf(AskBackPage));
  htmlDoor(app, askBackAction, {
    invalid: formOf(AskBackPage),
    once: { fallback: toPost, again: "moderation.askBack.done" },
    done: (at) => ({ to: toPost(at), flash: "moderation.askBack.done" }),
  });

  htmlDoor(app, leaveUpAction, {
    once: { fallback: (at) => reportsPath(at.scope.group), again: "moderation.reports.leftUp" },
    done: (at) => ({ to: reportsPath(at.scope.group), flash: "moderation.reports.leftUp" }),
  });

  // A member who does not lead knows the board exists: 403, with words; anyone else, 404.
  scopedPage(app, "/groups/:slug/board/reports", onBoard, async (request, reply, at) => {
    const ctx = pageContext(request);
    const { group, standing } = at.scope;
    if (!moderates(standing)) {
      return sendHtml(
        reply,
        <MessagePage
          ctx={ctx}
          title={ctx.t("error.forbidden.title")}
          body={ctx.t("moderation.errors.notLeading")}
        />,
        403,
      );
    }
    const view = reportsView(await readReportsOf(db, group.id), {
      personId: at.viewer.personId,
      standing,
      now: at.now,
    });
    return sendHtml(reply, <ReportsPage ctx={ctx} group={group} view={view} />);
  });
}
