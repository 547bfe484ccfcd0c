import type { FastifyInstance, FastifyReply } from "fastify";
import { notFound } from "../../infra/http/problem.js";
import { type Occurrence, occurrenceOn } from "../../infra/time/recurrence.js";
import { DAY_MS } from "../../infra/time/zoned.js";
import {
  presentCalendar,
  presentEndedCalendar,
  scheduleEntries,
} from "../groups/calendar/present.js";
import {
  groupLanguage,
  type ScheduledGroup,
  scheduleOf,
  upcomingMeetings,
} from "../groups/present.js";
import { calendarEntries } from "../meetings/present.js";
import { listCalendarMeetings } from "../meetings/reads.js";
import { presentMeetingGuide } from "./meeting-guide/present.js";
import { getFeedGroupBySlug, listMeetingGuideGroups, listSitemapGroups } from "./reads.js";
import { presentSitemap } from "./sitemap/present.js";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LOCAL_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
/** How far ahead a group's calendar feed reaches. */
const CALENDAR_WEEKS = 12;
/** sitemaps.org allows 50,000 addresses a file: the home page, the directory, then groups. */
const SITEMAP_GROUPS = 49_998;

// Public data, the same for everyone: the sign-in cookie is not read, and caches may keep it.
const publicFeed = { config: { skipSession: true } } as const;

function meetingOn(group: ScheduledGroup, date: string): Occurrence | null {
  if (group.status !== "active") return null;
  try {
    return occurrenceOn(scheduleOf(group), date);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** How far ahead one meeting's .ics can be asked for. */
const MEETING_FILE_YEARS = 2;

/**
 * The feeds that let other software show Mutua groups: each group's iCalendar feed and one
 * meeting's .ics (any group not closed, by its address: unlisted groups are reachable by link;
 * a closed group's feed is emptied), the Meeting Guide JSON feed and the sitemap (listed, active
 * groups only).
 */
export async function feedPages(app: FastifyInstance) {
  const { db, config, clock } = app.deps;
  const context = () => ({
    baseUrl: config.publicUrl,
    now: clock(),
    instanceName: config.instanceName,
  });

  async function loadGroup(slug: string, reply: FastifyReply) {
    if (slug.length > 64 || !SLUG.test(slug)) throw notFound();
    const group = await getFeedGroupBySlug(db, slug);
    if (!group) throw notFound();
    // Reachable by link, kept out of search engines (as the group's page is).
    if (group.visibility === "unlisted") reply.header("x-robots-tag", "noindex");
    return group;
  }

  app.get<{ Params: { slug: string } }>(
    "/groups/:slug/calendar.ics",
    publicFeed,
    async (request, reply) => {
      const group = await loadGroup(request.params.slug, reply);
      const feed = context();
      const calendar = (text: string) =>
        reply
          .type("text/calendar; charset=utf-8")
          .header("content-disposition", `inline; filename="${group.slug}.ics"`)
          .header("cache-control", "public, max-age=900")
          .send(text);
      if (group.status === "closed")
        return calendar(presentEndedCalendar(groupLanguage(group), feed));
      const to = new Date(feed.now.getTime() + CALENDAR_WEEKS * 7 * DAY_MS);
      const meetings = upcomingMeetings(group, { from: feed.now, to });
      const planned = await listCalendarMeetings(db, group.id, {
        from: feed.now,
        to,
        keys: meetings.map((m) => m.localDate),
      });
      const entries = calendarEntries(group.id, { from: feed.now, to }, meetings, planned);
      return calendar(presentCalendar(group, entries, feed));
    },
  );

  app.get<{ Params: { slug: string; date: string } }>(
    "/groups/:slug/meetings/:date.ics",
    publicFeed,
    async (request, reply) => {
      const { slug, date } = request.params;
      if (!LOCAL_DATE.test(date)) throw notFound();
      // Finding a date means stepping through the schedule up to it: a few years ahead at most,
      // never to the year 9999 on a stranger's request.
      const latest = new Date(clock().getTime() + MEETING_FILE_YEARS * 366 * DAY_MS);
      if (date > latest.toISOString().slice(0, 10)) throw notFound();
      const group = await loadGroup(slug, reply);
      const meeting = meetingOn(group, date);
      if (!meeting) throw notFound();
      // The meeting as it stands: moved to its new time, or cancelled, under the same UID and a
      // higher SEQUENCE, so importing this file never puts back what was changed.
      const planned = (
        await listCalendarMeetings(db, group.id, {
          from: meeting.startsAt,
          to: meeting.endsAt,
          keys: [date],
        })
      ).find((m) => m.occurrenceKey === date);
      const entries = planned
        ? calendarEntries(group.id, { from: planned.startsAt, to: planned.endsAt }, [], [planned])
        : scheduleEntries(group, [meeting]);
      return reply
        .type("text/calendar; charset=utf-8")
        .header("content-disposition", `attachment; filename="${group.slug}-${date}.ics"`)
        .header("cache-control", "public, max-age=900")
        .send(presentCalendar(group, entries, context()));
    },
  );

  app.get("/meetings.json", publicFeed, async (_request, reply) => {
    const groups = await listMeetingGuideGroups(db);
    // Meeting-finder apps and sites read this feed from other origins; it is public data.
    reply
      .header("access-control-allow-origin", "*")
      .header("cross-origin-resource-policy", "cross-origin")
      .header("cache-control", "public, max-age=900")
      .type("application/json; charset=utf-8");
    return presentMeetingGuide(groups, {
      ...context(),
      helpEmail: config.helpEmail,
      helpPhone: config.helpPhone,
    });
  });

  app.get("/sitemap.xml", publicFeed, async (_request, reply) => {
    const pages = await listSitemapGroups(db, SITEMAP_GROUPS);
    return reply
      .type("application/xml; charset=utf-8")
      .header("cache-control", "public, max-age=3600")
      .send(presentSitemap(pages, config.publicUrl));
  });
}
