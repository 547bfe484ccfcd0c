import type { FastifyInstance } from "fastify";
import type { At } from "../../infra/actions/action.js";
import { htmlDoor, scopedPage } from "../../infra/actions/html-door.js";
import type { FieldErrors } from "../../infra/html/form.js";
import { type PageContext, pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { acceptAction, objectAction, proposeChangeAction } from "./actions.js";
import { listSettledChanges, objectedToLatest } from "./reads.js";
import { type AtAgreement, atAgreement } from "./scope.js";
import { AgreementPage } from "./views/agreement.js";

type Filled = { values?: Record<string, string>; errors?: FieldErrors; once?: string | null };

/** The group's agreement: reading it, proposing a change, objecting, accepting it again. */
export async function agreementPages(app: FastifyInstance) {
  const { db } = app.deps;
  const back = (at: At<AtAgreement>) => `/groups/${at.scope.group.slug}/agreement`;

  async function page(ctx: PageContext, { scope }: At<AtAgreement>, form: Filled = {}) {
    const history = await listSettledChanges(db, scope.group.id);
    return (
      <AgreementPage
        ctx={ctx}
        group={scope.group}
        open={scope.open}
        history={history}
        can={scope.can}
        acceptedAt={scope.membership?.agreementAcceptedAt ?? null}
        once={form.once ?? true}
        values={form.values ?? { text: scope.group.agreement }}
        errors={form.errors}
      />
    );
  }

  scopedPage(app, "/groups/:slug/agreement", atAgreement, async (request, reply, at) =>
    sendHtml(reply, await page(pageContext(request), at)),
  );

  htmlDoor(app, proposeChangeAction, {
    invalid: (ctx, at, form) => page(ctx, at, form),
    fields: {
      UNCHANGED: { text: "agreement.errors.unchanged" },
      CHANGE_OPEN: { text: "agreement.errors.open" },
    },
    done: (at) => ({ to: back(at), flash: "agreement.proposed" }),
    // Sent twice (a double click): the first sending opened the change, which now bars another;
    // the second goes where the first went.
    once: { fallback: back, again: "agreement.proposed" },
  });

  htmlDoor(app, objectAction, {
    invalid: (ctx, at, form) => page(ctx, at, { values: form.values, errors: form.errors }),
    done: (at) => ({ to: back(at), flash: "agreement.objected" }),
    // Sent twice (a double click): the first objection stopped the change; the second is told so.
    refused: async (at) =>
      (await objectedToLatest(db, at.scope.group.id, at.viewer.personId))
        ? { to: back(at), flash: "agreement.objected" }
        : null,
  });

  htmlDoor(app, acceptAction, {
    done: (at, done) =>
      done.asked
        ? { to: `/groups/${at.scope.group.slug}`, flash: "agreement.accepted" }
        : { to: `/groups/${at.scope.group.slug}` },
    // Changed while it was being read: the new text, to read before accepting.
    refused: (at) => ({ to: back(at), flash: "agreement.changedWhileReading" }),
  });
}
