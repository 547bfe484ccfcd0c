import {
  type Language,
  type Translate,
  timeZoneName,
  wordsLanguage,
} from "../../../infra/i18n/i18n.js";
import { positionWord } from "../../../infra/time/describe-schedule.js";
import type { Weekday } from "../../../infra/time/recurrence.js";
import type { MatchReason, PresentedSearch, PublicGroup } from "../present.js";
import {
  clockTime,
  countryName,
  fullDate,
  languageName,
  lowerFirst,
  weekdayName,
} from "./words.js";

type Words = { t: Translate; lang: Language; siteTimeZone: string };

function reason<K extends MatchReason["kind"]>(group: PublicGroup, kind: K) {
  return group.matchReasons.find((r): r is Extract<MatchReason, { kind: K }> => r.kind === kind);
}

/** "Meets every Tuesday at 10:30am", with the group's zone when it is not this site's. */
function whenText(group: PublicGroup, { t, lang, siteTimeZone }: Words): string {
  const { kind, weekday, startTime, timeZone } = group.schedule;
  if (kind === "one_off") return t("directory.schedule.oneOff");
  if (weekday === null || startTime === null) return t("directory.schedule.unknown");
  let time = clockTime(startTime, lang);
  if (timeZone !== siteTimeZone) {
    time = t("directory.schedule.zone", { time, zone: timeZoneName(timeZone, lang) });
  }
  const day = weekdayName(weekday, lang);
  if (kind === "monthly") {
    const { position } = group.schedule;
    return position === null
      ? t("directory.schedule.monthlyAnyWeek", { weekday: day, time })
      : t("directory.schedule.monthly", {
          weekday: day,
          position: positionWord(weekday as Weekday, position, lang),
          time,
        });
  }
  const key =
    kind === "fortnightly" ? "directory.schedule.fortnightly" : "directory.schedule.weekly";
  return t(key, { weekday: day, time });
}

/** "in Trento, 3 km away", "in Trento and online", "by telephone". */
function whereText(group: PublicGroup, { t }: Words): string {
  if (group.format === "online") return `, ${t("directory.where.online")}`;
  if (group.format === "telephone") return `, ${t("directory.where.telephone")}`;
  let text = group.town ? ` ${t("directory.where.inTown", { town: group.town })}` : "";
  if (group.format === "hybrid") text += ` ${t("directory.where.hybrid")}`;
  if (group.distanceKm !== null) {
    text += `, ${
      group.distanceKm === 0
        ? t("directory.where.distanceUnderOne")
        : t("directory.where.distance", { km: group.distanceKm })
    }`;
  }
  return text;
}

function placesText(group: PublicGroup, { t }: Words): string {
  if (group.joiningPolicy === "closed") return t("directory.joining.closed");
  if (!group.hasPlacesFree) return t("directory.places.full");
  if (group.placesFree === null) return t("directory.places.some");
  if (group.placesFree === 1) return t("directory.places.one");
  return t("directory.places.many", { count: group.placesFree });
}

/** The one line a person scans: "Meets every Tuesday at 10:30am in Trento, 3 km away · Italian · 4 places free". */
export function factsLine(group: PublicGroup, words: Words): string {
  const asked = reason(group, "language");
  const languages = (asked && asked.languages.length > 0 ? asked.languages : group.languages)
    .map((code) => languageName(code, words.lang))
    .join(", ");
  return [
    `${whenText(group, words)}${whereText(group, words)}`,
    languages,
    placesText(group, words),
  ]
    .filter(Boolean)
    .join(" · ");
}

function aboutLine(group: PublicGroup, { t }: Words): string {
  const parts: string[] = [];
  if (group.difficulties.length > 0) {
    parts.push(
      t("directory.about.difficulties", {
        names: group.difficulties.map((d) => d.name).join(", "),
      }),
    );
  }
  if (group.openToAnyDifficulty) parts.push(t("directory.about.anyDifficulty"));
  parts.push(t(`directory.about.audience.${group.audience}`));
  return parts.join(" · ");
}

/** What the person asked for that is not already in the lines above. */
function matchesLine(group: PublicGroup, { t }: Words): string | null {
  const things: string[] = [];
  for (const r of group.matchReasons) {
    if (r.kind === "open_to_any_difficulty") things.push(t("directory.matches.openToAny"));
    if (r.kind === "access")
      for (const need of r.needs) things.push(lowerFirst(t(`directory.access.${need}`)));
    if (r.kind === "words") things.push(t("directory.matches.words"));
  }
  return things.length > 0 ? t("directory.matches", { things: things.join(", ") }) : null;
}

function GroupItem({ group, words }: { group: PublicGroup; words: Words }) {
  const matches = matchesLine(group, words);
  const written = wordsLanguage(group.writtenIn, words.lang);
  return (
    <li>
      <h3>
        <a href={group.url} lang={written}>
          {group.name}
        </a>
      </h3>
      <p class="directory-facts">{factsLine(group, words)}</p>
      {group.schedule.startsOn ? (
        <p>
          {words.t("directory.schedule.startsOn", {
            date: fullDate(group.schedule.startsOn, words.lang),
          })}
        </p>
      ) : null}
      <p>{aboutLine(group, words)}</p>
      {group.excerpt ? <p lang={written}>{group.excerpt}</p> : null}
      {matches ? <p class="hint">{matches}</p> : null}
    </li>
  );
}

function pageHref(query: URLSearchParams, page: number): string {
  const next = new URLSearchParams(query);
  next.delete("page");
  if (page > 1) next.set("page", String(page));
  const text = next.toString();
  return text ? `/groups?${text}#results` : "/groups#results";
}

export function GroupResults({
  search,
  query,
  words,
}: {
  search: PresentedSearch;
  /** The search as it was asked, for the links to other pages. */
  query: URLSearchParams;
  words: Words;
}) {
  const { t, lang } = words;
  const pages = Math.max(1, Math.ceil(search.total / search.pageSize));
  const count =
    search.total === 0
      ? t("directory.results.none")
      : search.total === 1
        ? t("directory.results.one")
        : t("directory.results.many", { count: search.total });
  const includesRemote = query.get("remote") === "true";
  return (
    <section aria-labelledby="results" class="directory-results">
      <h2 id="results" tabIndex={-1}>
        {count}
      </h2>
      {search.place ? (
        <p>
          {t(includesRemote ? "directory.results.nearRemote" : "directory.results.near", {
            place: `${search.place.name} (${countryName(search.place.country, lang)})`,
            km: search.radiusKm ?? 0,
          })}
        </p>
      ) : null}
      {search.total === 0 ? <p>{t("directory.results.noneHelp")}</p> : null}
      {search.results.length > 0 ? (
        <ol class="directory-list">
          {search.results.map((group) => (
            <GroupItem key={group.slug} group={group} words={words} />
          ))}
        </ol>
      ) : null}
      {pages > 1 ? (
        <nav aria-label={t("directory.results.pages")} class="directory-pages">
          <p>{t("directory.results.pageOf", { page: search.page, pages })}</p>
          <ul>
            {search.page > 1 ? (
              <li>
                <a href={pageHref(query, Math.min(search.page - 1, pages))} rel="prev">
                  {t("directory.results.previous")}
                </a>
              </li>
            ) : null}
            {search.page < pages ? (
              <li>
                <a href={pageHref(query, search.page + 1)} rel="next">
                  {t("directory.results.next")}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </section>
  );
}
