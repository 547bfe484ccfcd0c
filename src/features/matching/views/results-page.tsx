import { Layout } from "../../../infra/html/layout.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import { type Translate, wordsLanguage } from "../../../infra/i18n/i18n.js";
import type { MatchReason } from "../../directory/present.js";
import { factsLine } from "../../directory/views/group-results.js";
import { languageName, weekdayName } from "../../directory/views/words.js";
import { type Answers, findHref, widened } from "../inputs.js";
import type { MatchedGroup, PresentedMatches } from "../present.js";
import { FEW } from "../reads.js";

/** One reason a group fits, as a sentence; null for those the lines above already say. */
function reasonText(reason: MatchReason, t: Translate, lang: "en" | "it"): string | null {
  switch (reason.kind) {
    case "difficulty":
      return t("matching.reason.difficulty", {
        names: reason.difficulties.map((d) => d.name).join(", "),
      });
    case "open_to_any_difficulty":
      return t("matching.reason.openToAny");
    case "audience":
      return t(`matching.reason.audience.${reason.audience}`);
    case "near":
      return reason.distanceKm === 0
        ? t("matching.reason.nearUnderOne", { place: reason.place })
        : t("matching.reason.near", { km: reason.distanceKm, place: reason.place });
    case "remote":
      return t(`matching.reason.remote.${reason.format}`);
    case "day":
      return t("matching.reason.day", { weekday: weekdayName(reason.weekday, lang) });
    case "time_of_day":
      return t("matching.reason.time", { time: t(`matching.answer.time.${reason.timeOfDay}`) });
    case "language":
      return reason.languages.length > 0
        ? t("matching.reason.language", {
            languages: reason.languages.map((code) => languageName(code, lang)).join(", "),
          })
        : null;
    default:
      return null;
  }
}

function MatchItem({ group, ctx }: { group: MatchedGroup; ctx: PageContext }) {
  const { t, lang } = ctx;
  const reasons = group.matchReasons
    .map((reason) => reasonText(reason, t, lang))
    .filter((text): text is string => text !== null);
  const written = wordsLanguage(group.writtenIn, lang);
  return (
    <li>
      <h3>
        <a href={group.url} lang={written}>
          {group.name}
        </a>
      </h3>
      <p class="directory-facts">
        {factsLine(group, { t, lang, siteTimeZone: ctx.site.timeZone })}
      </p>
      {group.excerpt ? <p lang={written}>{group.excerpt}</p> : null}
      {reasons.length > 0 ? (
        <>
          <p>{t("matching.results.why")}</p>
          <ul>
            {reasons.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}

/** What else to do: look wider, see every group, or ask a person for help. */
function OtherWays({ ctx, answers }: { ctx: PageContext; answers: Answers }) {
  const { t } = ctx;
  const wider = widened(answers);
  return (
    <ul>
      {wider?.radius !== undefined ? (
        <li>
          <a href={findHref("/find/results", wider)}>
            {t("matching.results.widen", { km: wider.radius })}
          </a>
        </li>
      ) : null}
      <li>
        <a href="/groups">{t("matching.results.all")}</a>
      </li>
      <li>
        <a href={findHref("/find/help", answers)}>{t("matching.results.help")}</a>
      </li>
    </ul>
  );
}

/** The few groups that fit best, each with why; kind words and other ways when few do. */
export function ResultsPage({
  ctx,
  answers,
  found,
}: {
  ctx: PageContext;
  answers: Answers;
  found: PresentedMatches;
}) {
  const { t } = ctx;
  const count =
    found.total === 0
      ? t("matching.results.none")
      : found.total === 1
        ? t("matching.results.one")
        : t("matching.results.many", { count: found.total });
  const few = found.total < FEW;
  return (
    <Layout ctx={ctx} title={t("matching.results.title")}>
      <p>
        <a href={findHref("/find/summary", answers)}>{t("site.back")}</a>
      </p>
      <h1>{t("matching.results.title")}</h1>
      <p class="lead">{count}</p>
      {found.total > found.groups.length ? (
        <p>{t("matching.results.best", { shown: found.groups.length })}</p>
      ) : null}
      {few ? (
        <div class="panel">
          <p>{found.total === 0 ? t("matching.results.noneNext") : t("matching.results.few")}</p>
          <OtherWays ctx={ctx} answers={answers} />
        </div>
      ) : null}
      {found.groups.length > 0 ? (
        <section aria-labelledby="matches">
          <h2 id="matches">{t("matching.results.groups")}</h2>
          <ol class="directory-list">
            {found.groups.map((group) => (
              <MatchItem key={group.slug} group={group} ctx={ctx} />
            ))}
          </ol>
        </section>
      ) : null}
      <p>
        <a href={findHref("/find/summary", answers)}>{t("matching.results.change")}</a>
      </p>
      {few ? null : (
        <>
          <h2>{t("matching.results.notRight")}</h2>
          <OtherWays ctx={ctx} answers={answers} />
        </>
      )}
    </Layout>
  );
}
