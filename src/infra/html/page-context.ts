import type { FastifyRequest } from "fastify";
import { pooledRandomBase64 } from "../crypto/tokens.js";
import type { Contrast, TextSize, Viewer } from "../http/viewer.js";
import { isMessageKey, type Language, type MessageKey, type Translate } from "../i18n/i18n.js";

/** What every page component needs to draw the shell, in the reader's language. */
export type PageContext = {
  t: Translate;
  lang: Language;
  viewer: Viewer | null;
  readonly csrfToken: string;
  readonly nonce: string;
  flash: MessageKey | null;
  path: string;
  /** The path with its query string: where to come back to, such as after changing language. */
  url: string;
  textSize: TextSize;
  contrast: Contrast;
  site: {
    name: string;
    helpPhone: string | undefined;
    helpEmail: string | undefined;
    emergencyNumber: string;
    timeZone: string;
  };
};

/**
 * The page context of one request. A class, so that what only some pages need (the form token,
 * the scripts' nonce) is made on first use by getters shared through the prototype: a getter in
 * an object literal made building the context cost more than a small page's rendering.
 */
class RequestPageContext implements PageContext {
  readonly t: Translate;
  readonly lang: Language;
  readonly viewer: Viewer | null;
  readonly flash: MessageKey | null;
  readonly path: string;
  readonly url: string;
  readonly textSize: TextSize;
  readonly contrast: Contrast;
  readonly site: PageContext["site"];

  constructor(private readonly request: FastifyRequest) {
    const { config } = request.server.deps;
    const viewer = request.viewer;
    this.t = request.t;
    this.lang = request.lang;
    this.viewer = viewer;
    this.flash = isMessageKey(request.flash) ? request.flash : null;
    const query = request.url.indexOf("?");
    this.path = query === -1 ? request.url : request.url.slice(0, query);
    this.url = request.url;
    this.textSize = viewer?.textSize ?? "standard";
    this.contrast = viewer?.contrast ?? "standard";
    this.site = {
      name: config.instanceName,
      helpPhone: config.helpPhone,
      helpEmail: config.helpEmail,
      emergencyNumber: config.emergencyNumber,
      timeZone: config.timeZone,
    };
  }

  /** Made only when a form is drawn: a page without forms sets no cookie. */
  get csrfToken(): string {
    return this.request.csrfToken();
  }

  /** Made only when a page has a script: the others are served with no script allowed at all. */
  get nonce(): string {
    return cspNonce(this.request);
  }
}

export function pageContext(request: FastifyRequest): PageContext {
  return new RequestPageContext(request);
}

/**
 * The nonce of this response's scripts, made when a page is first rendered; the security
 * headers (infra/http/security.ts) put it in the Content-Security-Policy.
 */
function cspNonce(request: FastifyRequest): string {
  request.cspNonce ||= pooledRandomBase64(16);
  return request.cspNonce;
}
