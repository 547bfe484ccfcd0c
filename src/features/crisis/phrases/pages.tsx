import type { FastifyInstance } from "fastify";
import { htmlDoor, scopedPage } from "../../../infra/actions/html-door.js";
import type { FieldErrors } from "../../../infra/html/form.js";
import { type PageContext, pageContext } from "../../../infra/html/page-context.js";
import { sendHtml } from "../../../infra/html/render.js";
import { administration } from "../../accounts/scope.js";
import { addPhraseAction, removePhraseAction } from "./actions.js";
import { phraseListAt, phraseListPath } from "./inputs.js";
import { listPhrasePage } from "./reads.js";
import { PhrasesPage } from "./views/phrases-page.js";

/** The administrators' list of risk phrases, a language and a kind of risk at a time. */
export async function phrasePages(app: FastifyInstance) {
  const { db } = app.deps;
  /** The list at the part the address names (or the form was filling in), with the form. */
  const page = async (
    ctx: PageContext,
    where: unknown,
    form: { values?: Record<string, string>; errors?: FieldErrors } = {},
  ) => {
    const at = phraseListAt(where, ctx.lang);
    return (
      <PhrasesPage
        ctx={ctx}
        at={at}
        slice={await listPhrasePage(db, at)}
        values={form.values}
        errors={form.errors}
      />
    );
  };

  scopedPage(app, "/admin/risk-phrases", administration, async (request, reply) =>
    sendHtml(reply, await page(pageContext(request), request.query)),
  );

  htmlDoor(app, addPhraseAction, {
    invalid: (ctx, _at, form) => page(ctx, form.values, form),
    fields: { ALREADY_LISTED: { phrase: "crisis.phrases.errors.listed" } },
    done: (_at, _done, input) => ({ to: phraseListPath(input), flash: "crisis.phrases.added" }),
  });

  htmlDoor(app, removePhraseAction, {
    done: (at) => ({ to: phraseListPath(at.scope), flash: "crisis.phrases.removed" }),
  });
}
