import type { FastifyInstance } from "fastify";
import { type FieldErrors, parseForm } from "../../infra/html/form.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { redirectAfterPost } from "../../infra/http/flash.js";
import { onceOnly, submissionIdOf } from "../../infra/http/once.js";
import { HttpProblem } from "../../infra/http/problem.js";
import { requirePermission } from "../../infra/http/require-viewer.js";
import { can } from "../accounts/policy.js";
import { difficultyInput, newDifficultyInput, retireInput } from "./inputs.js";
import { getDifficulty, listAllDifficulties } from "./reads.js";
import { DifficultiesPage, DifficultyForm } from "./views/admin.js";
import { addDifficulty, editDifficulty, retireDifficulty } from "./writes.js";

type SlugParams = { Params: { slug: string } };
const notFound = () => new HttpProblem(404, "not_found", "There is nothing at this address.");
const asValues = (d: {
  slug: string;
  names: { en: string; it: string };
  descriptions: { en: string; it: string };
}) => ({
  slug: d.slug,
  nameEn: d.names.en,
  nameIt: d.names.it,
  descriptionEn: d.descriptions.en,
  descriptionIt: d.descriptions.it,
});

/** Administrators add, rename, translate and retire the difficulties. */
export async function difficultyPages(app: FastifyInstance) {
  const { db, clock } = app.deps;
  const admin = (viewer: Parameters<typeof can>[0]) => can(viewer, "admin.tools");

  app.get("/admin/difficulties", async (request, reply) => {
    if (!requirePermission(request, reply, admin)) return reply;
    return sendHtml(
      reply,
      <DifficultiesPage ctx={pageContext(request)} difficulties={await listAllDifficulties(db)} />,
    );
  });

  app.get("/admin/difficulties/new", async (request, reply) => {
    if (!requirePermission(request, reply, admin)) return reply;
    return sendHtml(
      reply,
      <DifficultyForm ctx={pageContext(request)} difficulty={null} values={{}} />,
    );
  });

  app.post("/admin/difficulties", async (request, reply) => {
    if (!requirePermission(request, reply, admin)) return reply;
    const form = parseForm(newDifficultyInput, request.body);
    const submission = submissionIdOf(request.body);
    const again = (errors: FieldErrors) =>
      sendHtml(
        reply,
        <DifficultyForm
          ctx={pageContext(request)}
          difficulty={null}
          once={submission ?? true}
          values={form.values}
          errors={errors}
        />,
        400,
      );
    if (!form.ok) return again(form.errors);
    // Sent twice (a double click), it is added once; the second sending is not told it exists.
    const added = await onceOnly(
      db,
      submission,
      clock(),
      (tx) => addDifficulty(tx, form.data, clock()),
      {
        ledTo: () => "/admin/difficulties",
        fallback: "/admin/difficulties",
      },
    );
    if (!added.sentTwice && !added.outcome.ok)
      return again({ slug: "difficulties.errors.slugTaken" });
    return redirectAfterPost(reply, "/admin/difficulties", "difficulties.admin.saved");
  });

  app.get<SlugParams>("/admin/difficulties/:slug", async (request, reply) => {
    if (!requirePermission(request, reply, admin)) return reply;
    const difficulty = await getDifficulty(db, request.params.slug);
    if (!difficulty) throw notFound();
    return sendHtml(
      reply,
      <DifficultyForm
        ctx={pageContext(request)}
        difficulty={difficulty}
        values={asValues(difficulty)}
      />,
    );
  });

  app.post<SlugParams>("/admin/difficulties/:slug", async (request, reply) => {
    if (!requirePermission(request, reply, admin)) return reply;
    const difficulty = await getDifficulty(db, request.params.slug);
    if (!difficulty) throw notFound();
    const form = parseForm(difficultyInput, request.body);
    if (!form.ok)
      return sendHtml(
        reply,
        <DifficultyForm
          ctx={pageContext(request)}
          difficulty={difficulty}
          values={form.values}
          errors={form.errors}
        />,
        400,
      );
    await editDifficulty(db, difficulty.slug, form.data, clock());
    return redirectAfterPost(reply, "/admin/difficulties", "difficulties.admin.saved");
  });

  app.post<SlugParams>("/admin/difficulties/:slug/retire", async (request, reply) => {
    if (!requirePermission(request, reply, admin)) return reply;
    const form = parseForm(retireInput, request.body);
    if (!form.ok)
      throw new HttpProblem(400, "invalid_input", "Choose to retire or to offer again.");
    if (!(await retireDifficulty(db, request.params.slug, form.data.retire === "yes", clock())))
      throw notFound();
    return redirectAfterPost(reply, "/admin/difficulties", "difficulties.admin.saved");
  });
}
