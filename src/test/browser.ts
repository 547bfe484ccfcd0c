import type { FastifyInstance, LightMyRequestResponse } from "fastify";

/**
 * A browser for `inject()`: keeps cookies like a real one and fills in the form's CSRF token,
 * so integration tests walk the same pages a person does.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly options: { ip?: string; acceptLanguage?: string } = {},
  ) {}

  private store(response: LightMyRequestResponse) {
    for (const cookie of response.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const expired =
        cookie.maxAge === 0 ||
        (cookie.expires !== undefined && cookie.expires.getTime() < Date.now());
      if (expired || cookie.value === "") this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  private headers(extra: Record<string, string> = {}) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    return {
      ...(cookie ? { cookie } : {}),
      ...(this.options.acceptLanguage ? { "accept-language": this.options.acceptLanguage } : {}),
      ...extra,
    };
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.store(
      await this.app.inject({
        method: "GET",
        url,
        headers: this.headers(headers),
        remoteAddress: this.options.ip,
      }),
    );
  }

  csrf(): string {
    return this.cookies.get("__Host-mutua_csrf") ?? "";
  }

  /** Submits a form the way a browser does, with the page's CSRF token unless told otherwise. */
  async post(
    url: string,
    form: Record<string, string | string[]> = {},
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ) {
    // Like a person, fill in a form only after a page with a form has been shown.
    if (options.csrf !== false && !this.cookies.has("__Host-mutua_csrf")) {
      // Signed out, the sign-in page has a form; signed in, the profile page has one.
      await this.get("/sign-in");
      if (!this.cookies.has("__Host-mutua_csrf")) await this.get("/account/profile");
    }
    const fields = new URLSearchParams(options.csrf === false ? {} : { _csrf: this.csrf() });
    // Several values under one name, as ticked checkboxes are sent.
    for (const [name, value] of Object.entries(form)) {
      fields.delete(name);
      for (const one of Array.isArray(value) ? value : [value]) fields.append(name, one);
    }
    const body = fields.toString();
    return this.store(
      await this.app.inject({
        method: "POST",
        url,
        payload: body,
        headers: this.headers({
          "content-type": "application/x-www-form-urlencoded",
          ...options.headers,
        }),
        remoteAddress: this.options.ip,
      }),
    );
  }

  async json(
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    return this.store(
      await this.app.inject({
        method,
        url,
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        headers: this.headers({
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        }),
        remoteAddress: this.options.ip,
      }),
    );
  }
}

/** The id a page's form carries so that its work is done once (infra/http/once.ts). */
export function onceIn(html: string): string {
  const id = /name="_once" value="([0-9a-f-]{36})"/.exec(html)?.[1];
  if (!id) throw new Error("The page has no form whose work is done once.");
  return id;
}
