import type { FastifyInstance } from "fastify";

/**
 * Every method and path the app serves (HEAD aside), read from the router, so an
 * authorization matrix can prove it has a row for each.
 */
export function servedRoutes(app: FastifyInstance): { method: string; url: string }[] {
  const routes: { method: string; url: string }[] = [];
  const stack: { depth: number; prefix: string }[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const match = line.match(/^([│\s├└─]*?)(?:[├└]── )?(\S+)(?: \(([^)]+)\))?\s*$/);
    if (!match?.[2]) continue;
    const depth = match[1]!.length;
    while (stack.length > 0 && stack.at(-1)!.depth >= depth) stack.pop();
    const segment = match[2];
    const parent = stack.at(-1)?.prefix ?? "";
    // The tree is a radix tree: a child continues its parent's text exactly ("/theme" then "s"
    // is "/themes"; "/" then "groups" is "/groups").
    const url = `${parent}${segment}`;
    stack.push({ depth, prefix: url });
    for (const method of match[3]?.split(", ") ?? [])
      if (method !== "HEAD") routes.push({ method, url });
  }
  return routes;
}

/** Routes of the groups feature: its own matrix covers them. */
export function isGroupsRoute(url: string): boolean {
  return (
    /^\/(groups|find|api\/v1\/(groups|find))(\/|$)/.test(url) ||
    url === "/meetings.json" ||
    url === "/sitemap.xml"
  );
}

/**
 * Routes of a group's life: meetings, rota, attendance, reminders, members, invitations and
 * roles, the handover, the agreement, the group's settings, splitting, closing and a closed
 * group's history (not the schedule's public .ics). Their matrix is
 * meetings/authorization.test.ts.
 */
export function isGroupLifeRoute(url: string): boolean {
  const elsewhere = [
    "/groups/:slug/rota",
    "/groups/:slug/reminders",
    "/unsubscribe/:token",
    "/invitations/:token",
    "/api/v1/invitations/:token",
  ];
  if (elsewhere.includes(url)) return true;
  const ownApi =
    /^\/api\/v1\/groups\/:slug\/(meetings|reminders|members|invitations|handover|agreement|split|settings|life-change)(\/|$)/;
  if (ownApi.test(url)) return true;
  const ownPages = [
    "members",
    "invitations",
    "handover",
    "agreement",
    "split",
    "settings",
    "close",
    "history",
  ];
  if (ownPages.some((page) => url.startsWith(`/groups/:slug/${page}`))) return true;
  return url.startsWith("/groups/:slug/meetings") && url !== "/groups/:slug/meetings/:date.ics";
}

/** Routes of the administrators' pages and their JSON: their own matrix covers them. */
export function isAdminRoute(url: string): boolean {
  return url === "/admin" || url.startsWith("/admin/") || url.startsWith("/api/v1/admin/");
}

/** The organisations' own page of their groups: its matrix is organisations/overview.test.ts. */
export function isOrganisationRoute(url: string): boolean {
  return url.startsWith("/organisations/");
}

/** A route of the board or of what hangs on it: moderation and the crisis protocol. */
const onBoard = /^\/(api\/v1\/)?groups\/:slug\/board(\/|$)|^\/unsubscribe\/board\//;
const moderationTail = /\/(report|reports|hide|restore|ask-back|leave-up)(\/|$)/;
const crisisOwn =
  /^\/(api\/v1\/)?groups\/:slug\/(alerts|urgent-help|backup-contact)(\/|$)|^\/(api\/v1\/)?alerts\/|\/(worried|safeguarding-lead)(\/|$)|^\/(api\/v1\/)?admin\/risk-phrases(\/|$)/;

/** The crisis protocol's routes: alerts, urgent help, backup contacts, the risk phrases. */
export function isCrisisRoute(url: string): boolean {
  return crisisOwn.test(url);
}

/** Moderation's routes: reporting a post, the reports, hiding and restoring. */
export function isModerationRoute(url: string): boolean {
  return onBoard.test(url) && moderationTail.test(url) && !isCrisisRoute(url);
}

/** The board's own routes: its threads, posts, reactions, live stream and mail. */
export function isBoardRoute(url: string): boolean {
  return onBoard.test(url) && !isModerationRoute(url) && !isCrisisRoute(url);
}

/** Any of the three: each has its own matrix, and the others' leave them out. */
export function isBoardFamilyRoute(url: string): boolean {
  return isBoardRoute(url) || isModerationRoute(url) || isCrisisRoute(url);
}
