import type { FastifyInstance } from "fastify";
import type { FieldErrors } from "../../infra/html/form.js";
import { pageContext } from "../../infra/html/page-context.js";
import { sendHtml } from "../../infra/html/render.js";
import { isMessageKey } from "../../infra/i18n/i18n.js";
import { collator } from "../../infra/i18n/intl-cache.js";
import { type DifficultyOption, listDifficulties } from "../difficulties/reads.js";
import { groupLanguages } from "../groups/inputs.js";
import { type DirectoryQuery, directoryQuery, PAGE_SIZE, toSearchCriteria } from "./inputs.js";
import { presentSearch } from "./present.js";
import { searchGroups } from "./reads.js";
import { DirectoryPage } from "./views/directory-page.js";
import type { QueryValues } from "./views/search-form.js";
import { languageName } from "./views/words.js";

const fields = Object.keys(directoryQuery.shape);

/** The known fields of the query string, as typed; anything else is left behind. */
function queryValues(query: unknown): QueryValues {
  const values: QueryValues = {};
  if (!query || typeof query !== "object") return values;
  for (const field of fields) {
    const value = (query as Record<string, unknown>)[field];
    if (typeof value === "string") values[field] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
      values[field] = value as string[];
    }
  }
  return values;
}

type Parsed = { ok: true; data: DirectoryQuery } | { ok: false; errors: FieldErrors };

/**
 * Like parseForm, for a GET form whose boxes can be ticked several times. A page number that is
 * not one falls back to the first page: there is no field for it to be shown against.
 */
function parseQuery(values: QueryValues): Parsed {
  const parsed = directoryQuery.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "q");
    if (field === "page" || errors[field]) continue;
    errors[field] = isMessageKey(issue.message) ? issue.message : "errors.generic";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const { page: _, ...rest } = values;
  return parseQuery(rest);
}

function asSearchParams(values: QueryValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const [field, value] of Object.entries(values)) {
    for (const one of Array.isArray(value) ? value : [value]) params.append(field, one);
  }
  return params;
}

/** The public directory, /groups: the same for everyone, signed in or not. */
export async function directoryPages(app: FastifyInstance) {
  const { db, clock } = app.deps;

  app.get("/groups", async (request, reply) => {
    const ctx = pageContext(request);
    const lang = request.lang;
    const values = queryValues(request.query);
    // A first visit offers online and telephone groups too, and the middle distance.
    const shown: QueryValues =
      Object.keys(values).length === 0 ? { radius: "25", remote: "true" } : { ...values };
    shown.radius ??= "25";

    const ticked = [values.language ?? []].flat().filter((code) => /^[a-z]{2,3}$/.test(code));
    // The languages a group can name: a fixed list, not read from the groups (asking the database
    // which ones listed groups use scanned every group, 153 ms at 100,000 groups).
    const languages = [...new Set(["it", "en", ...groupLanguages, ...ticked])].sort((a, b) =>
      collator(lang).compare(languageName(a, lang), languageName(b, lang)),
    );
    const page = (difficulties: DifficultyOption[], errors: FieldErrors) =>
      sendHtml(
        reply,
        <DirectoryPage
          ctx={ctx}
          choices={{ difficulties, languages }}
          values={shown}
          errors={errors}
          search={null}
          query={asSearchParams(values)}
        />,
        400,
      );

    const parsed = parseQuery(values);
    if (!parsed.ok) return page(await listDifficulties(db, lang), parsed.errors);
    const criteria = toSearchCriteria(parsed.data);
    // The search reads the difficulties it can name; the form offers the same ones.
    const result = await searchGroups(db, criteria, { now: clock(), language: lang });
    if (!result.ok) {
      return page(
        result.offered,
        result.reason === "UNKNOWN_PLACE"
          ? { place: "directory.errors.placeUnknown" }
          : { difficulty: "directory.errors.difficultyUnknown" },
      );
    }
    // A shared link to a page past the last (the groups have changed since): the last page.
    if (result.results.length === 0 && criteria.page > 1 && result.total > 0) {
      const params = asSearchParams(values);
      params.set("page", String(Math.ceil(result.total / PAGE_SIZE)));
      return reply.redirect(`/groups?${params}`);
    }
    return sendHtml(
      reply,
      <DirectoryPage
        ctx={ctx}
        choices={{ difficulties: result.offered, languages }}
        values={shown}
        search={presentSearch(result, criteria, PAGE_SIZE)}
        query={asSearchParams(values)}
      />,
    );
  });
}
