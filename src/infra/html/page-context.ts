import type { FastifyRequest } from "fastify";
import { cspNonce } from "../http/security.js";
import type { Contrast, TextSize, Viewer } from "../http/viewer.js";
import { isMessageKey, type Language, type MessageKey, type Translate } from "../i18n/i18n.js";

/** What every page component needs to draw the shell, in the reader's language. */
export type PageContext = {
  t: Translate;
  lang: Language;
  viewer: Viewer | null;
  readonly csrfToken: string;
  nonce: string;
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

export function pageContext(request: FastifyRequest): PageContext {
  const { config } = request.server.deps;
  const viewer = request.viewer;
  return {
    t: request.t,
    lang: request.lang,
    viewer,
    // Made only when a form is drawn: a page without forms sets no cookie.
    get csrfToken() {
      return request.csrfToken();
    },
    nonce: cspNonce(request),
    flash: isMessageKey(request.flash) ? request.flash : null,
    path: request.url.split("?")[0] ?? "/",
    url: request.url,
    textSize: viewer?.textSize ?? "standard",
    contrast: viewer?.contrast ?? "standard",
    site: {
      name: config.instanceName,
      helpPhone: config.helpPhone,
      helpEmail: config.helpEmail,
      emergencyNumber: config.emergencyNumber,
      timeZone: config.timeZone,
    },
  };
}
