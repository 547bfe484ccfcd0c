import type { FastifyInstance } from "fastify";
import { htmlDoor, scopedPage } from "../../infra/actions/html-door.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { administration } from "../accounts/scope.js";
import { addDifficultyAction, editDifficultyAction, retireDifficultyAction } from "./actions.js";
import { listAllDifficulties } from "./reads.js";
import { aDifficulty, type Difficulty } from "./scope.js";
import { DifficultiesPage, DifficultyForm } from "./views/admin.js";

const asValues = (d: Difficulty) => ({
  slug: d.slug,
  nameEn: d.names.en,
  nameIt: d.names.it,
  descriptionEn: d.descriptions.en,
  descriptionIt: d.descriptions.it,
});

const saved = { to: "/admin/difficulties", flash: "difficulties.admin.saved" } as const;

/** Administrators add, rename, translate and retire the difficulties. */
export async function difficultyPages(app: FastifyInstance) {
  const { db } = app.deps;

  scopedPage(app, "/admin/difficulties", administration, async (request, reply) =>
    sendHtml(
      reply,
      <DifficultiesPage ctx={pageContext(request)} difficulties={await listAllDifficulties(db)} />,
    ),
  );

  scopedPage(app, "/admin/difficulties/new", administration, async (request, reply) =>
    sendHtml(reply, <DifficultyForm ctx={pageContext(request)} difficulty={null} values={{}} />),
  );

  htmlDoor(app, addDifficultyAction, {
    invalid: (ctx, _at, form) => (
      <DifficultyForm
        ctx={ctx}
        difficulty={null}
        once={form.once ?? true}
        values={form.values}
        errors={form.errors}
      />
    ),
    fields: { SLUG_TAKEN: { slug: "difficulties.errors.slugTaken" } },
    done: () => saved,
    // Sent twice (a double click), it is added once; the second sending is not told it exists.
    once: { fallback: () => saved.to, again: saved.flash },
  });

  scopedPage(app, "/admin/difficulties/:slug", aDifficulty, async (request, reply, at) =>
    sendHtml(
      reply,
      <DifficultyForm
        ctx={pageContext(request)}
        difficulty={at.scope}
        values={asValues(at.scope)}
      />,
    ),
  );

  htmlDoor(app, editDifficultyAction, {
    invalid: (ctx, at, form) => (
      <DifficultyForm ctx={ctx} difficulty={at.scope} values={form.values} errors={form.errors} />
    ),
    done: () => saved,
  });

  htmlDoor(app, retireDifficultyAction, { done: () => saved });
}
