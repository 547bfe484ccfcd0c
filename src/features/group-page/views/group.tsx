import { Layout } from "../../../infra/html/layout.js";
import type { PageContext } from "../../../infra/html/page-context.js";
import { wordsLanguage } from "../../../infra/i18n/i18n.js";
import type { MembershipAction } from "../../memberships/policy.js";
import { MembershipPanel, Paragraphs } from "../../memberships/views/membership.js";
import type { GroupPageView } from "../present.js";

type MembershipView = {
  state: string | null;
  offerExpiresAt: Date | null;
  waitlistPosition: number | null;
  abilities: Record<MembershipAction, boolean>;
  requestCount: number;
};

/** A group's page: what it is for, where and when it meets, and how to join. */
/** What the group's members (and an observer) find about its life: meetings and the rota. */
type GroupLife = {
  rota: boolean;
  members: boolean;
  /** The board's conversations with something new for the viewer; null to an observer. */
  boardUnread: number | null;
  recentFacilitators: number | null;
  /** The agreement changed since this member accepted it: they are asked to accept it again. */
  agreementChanged: boolean;
  /** The viewer leads the group: they may change its page and schedule. */
  leads: boolean;
} | null;

export function GroupPage({
  ctx,
  view,
  membership,
  life,
  ledByMembers,
  lineage,
  paused,
}: {
  ctx: PageContext;
  view: GroupPageView;
  membership: MembershipView;
  life: GroupLife;
  /** The guide's handover has happened. */
  ledByMembers: boolean;
  /** The group is taking a break. */
  paused: boolean;
  /** The group it was split from, and when. */
  lineage: { parent: string; date: string } | null;
}) {
  const { t } = ctx;
  const access = (Object.keys(view.access) as (keyof GroupPageView["access"])[]).filter(
    (k) => view.access[k],
  );
  // What the group wrote is read out in its own language.
  const written = wordsLanguage(view.writtenIn, ctx.lang);
  return (
    <Layout ctx={ctx} title={view.name} jsonLd={view.jsonLd ?? undefined}>
      <h1 lang={written}>{view.name}</h1>
      {view.unlisted ? <p class="hint">{t("groups.page.unlisted")}</p> : null}
      {paused ? <p class="panel">{t("close.notice.paused")}</p> : null}
      <p class="lead">
        {t("groups.page.for", { audience: t(`groups.audience.${view.audience}`) })}
      </p>
      <p>
        {view.placesFree === 0
          ? t("groups.page.full")
          : view.placesShown === null
            ? t("groups.page.somePlacesFree")
            : view.placesShown === 1
              ? t("groups.page.onePlaceFree")
              : t("groups.page.placesFree", { count: view.placesShown })}
      </p>
      <MembershipPanel
        ctx={ctx}
        group={{
          name: view.name,
          slug: view.slug,
          timeZone: view.timeZone,
          placesFree: view.placesFree,
        }}
        state={membership.state}
        offerExpiresAt={membership.offerExpiresAt}
        waitlistPosition={membership.waitlistPosition}
        abilities={membership.abilities}
        requestCount={membership.requestCount}
      />

      {life?.agreementChanged ? (
        <div class="panel" role="status">
          <p>{t("agreement.changedNotice")}</p>
          <p>
            <a href={`/groups/${view.slug}/agreement`}>{t("agreement.link")}</a>
          </p>
        </div>
      ) : null}
      {life ? (
        <>
          <ul class="link-list">
            <li>
              <a href={`/groups/${view.slug}/meetings`}>{t("meetings.link")}</a>
            </li>
            {life.boardUnread !== null ? (
              <li>
                <a href={`/groups/${view.slug}/board`}>{t("board.link")}</a>
                {life.boardUnread > 0
                  ? ` (${t("board.unreadCount", { count: life.boardUnread })})`
                  : null}
              </li>
            ) : null}
            {life.rota ? (
              <li>
                <a href={`/groups/${view.slug}/rota`}>{t("meetings.rota.link")}</a>
              </li>
            ) : null}
            {life.members ? (
              <li>
                <a href={`/groups/${view.slug}/members`}>{t("roles.link")}</a>
              </li>
            ) : null}
            {life.members ? (
              <li>
                <a href={`/groups/${view.slug}/agreement`}>{t("agreement.link")}</a>
              </li>
            ) : null}
            {life.members ? (
              <li>
                <a href={`/groups/${view.slug}/split`}>{t("split.link")}</a>
              </li>
            ) : null}
            {life.leads ? (
              <li>
                <a href={`/groups/${view.slug}/settings`}>{t("settings.link")}</a>
              </li>
            ) : null}
            {life.leads ? (
              <li>
                <a href={`/groups/${view.slug}/close`}>{t("close.link")}</a>
              </li>
            ) : null}
          </ul>
          {life.recentFacilitators !== null ? (
            <p>
              {life.recentFacilitators === 1
                ? t("meetings.rota.leadersOne")
                : t("meetings.rota.leaders", { count: life.recentFacilitators })}
            </p>
          ) : null}
        </>
      ) : null}

      <h2>{t("groups.page.about")}</h2>
      <Paragraphs text={view.description} lang={written} />
      <p>
        {view.organisation
          ? t("groups.page.organisation", { name: view.organisation.name })
          : t("groups.page.peerLed")}
      </p>
      {ledByMembers ? <p>{t("roles.ledByMembers")}</p> : null}
      {lineage ? <p>{t("split.lineage", lineage)}</p> : null}

      <h2>{t("groups.page.difficulties")}</h2>
      {view.openToAnyDifficulty ? <p>{t("groups.page.openToAny")}</p> : null}
      {view.difficulties.length > 0 ? (
        <ul>
          {view.difficulties.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      ) : null}

      <h2>{t("groups.page.languages")}</h2>
      <p>
        {/* Named in the reader's language ("Italian"), so not marked as the language itself. */}
        {view.languages.map((l) => l.name).join(", ")}
      </p>

      <h2>{t("groups.page.where")}</h2>
      {view.format === "online" ? <p>{t("groups.page.whereOnline")}</p> : null}
      {view.format === "telephone" ? <p>{t("groups.page.wherePhone")}</p> : null}
      {view.format === "in_person" || view.format === "hybrid" ? (
        <p>
          {view.venueName ? (
            <>
              {view.venueName}
              <br />
            </>
          ) : null}
          {view.streetAddress ? (
            <>
              {view.streetAddress}
              <br />
            </>
          ) : null}
          {[view.postalCode, view.town].filter(Boolean).join(" ")}
        </p>
      ) : null}
      {view.format === "hybrid" ? <p>{t("groups.page.whereOnline")}</p> : null}
      {view.membersOnly?.videoUrl ? (
        <p>
          <a href={view.membersOnly.videoUrl}>{t("groups.page.videoLink")}</a>
        </p>
      ) : null}
      {view.membersOnly?.phoneNumber ? (
        <p>
          <a class="tel-link" href={`tel:${view.membersOnly.phoneNumber.replace(/[^+0-9]/g, "")}`}>
            {t("groups.page.phone", { number: view.membersOnly.phoneNumber })}
          </a>
          {view.membersOnly.phonePin ? (
            <>
              <br />
              {t("groups.page.pin", { pin: view.membersOnly.phonePin })}
            </>
          ) : null}
        </p>
      ) : null}
      {access.length > 0 || view.accessNotes ? (
        <>
          <h3>{t("groups.page.access")}</h3>
          <ul>
            {access.map((need) => (
              <li key={need}>{t(`groups.access.${need}`)}</li>
            ))}
          </ul>
          {view.accessNotes ? <p lang={written}>{view.accessNotes}</p> : null}
        </>
      ) : null}

      <h2>{t("groups.page.when")}</h2>
      <p>{view.when}</p>
      <h3>{t("groups.page.nextMeetings")}</h3>
      {view.nextMeetings.length === 0 ? (
        <p>{t("groups.page.noMeetings")}</p>
      ) : (
        <ul>
          {view.nextMeetings.map((meeting) => (
            <li key={meeting.uid}>
              {meeting.cancelled ? (
                <>
                  <del>{meeting.words}</del> {t("meetings.status.cancelled")}
                </>
              ) : (
                meeting.words
              )}
            </li>
          ))}
        </ul>
      )}

      <p>
        <a href={`/groups/${view.slug}/calendar.ics`}>{t("groups.page.calendar")}</a>
      </p>

      {view.firstMeeting ? (
        <>
          <h2>{t("groups.page.firstMeeting")}</h2>
          <Paragraphs text={view.firstMeeting} lang={written} />
        </>
      ) : null}

      {view.membersOnly ? (
        <>
          <h2>{t("groups.page.agreement")}</h2>
          <Paragraphs text={view.membersOnly.agreement} />
        </>
      ) : null}
    </Layout>
  );
}
