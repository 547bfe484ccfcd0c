import { type Door, listDoors } from "../infra/actions/action.js";

/** What a route × role matrix expects: a status, or a status and where it leads. */
export type Expect = number | [number, string];

/**
 * The JSON twin of a page's form route, for a matrix row's own address: the page route's
 * parameters ("/groups/SLUG/requests/REQUEST" for "/groups/:slug/requests/:membershipId") fill
 * the JSON route's. Null when the page route is no action's door, or its action has no JSON door.
 */
export function jsonTwinOf(method: string, url: string): (Door & { status: number }) | null {
  for (const { html, json } of listDoors().values()) {
    if (html.method !== method) continue;
    const names: string[] = [];
    const pattern = html.url.replace(/:(\w+)/g, (_all, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    const found = new RegExp(`^${pattern}$`).exec(url);
    if (!found) continue;
    const filled = json.url.replace(
      /:(\w+)/g,
      (_all, name: string) => found[names.indexOf(name) + 1]!,
    );
    return { method: json.method, url: filled, status: json.status ?? 200 };
  }
  return null;
}

/**
 * What the JSON door answers where the page answered `page`: sign in first is 401; done (303
 * onward) is the door's own success; a refusal or an error is the same status.
 */
export function twinExpect(page: Expect, done: number): number {
  const [status, location] = Array.isArray(page) ? page : [page, undefined];
  if (status === 303) return location === "/sign-in" ? 401 : done;
  return status;
}
