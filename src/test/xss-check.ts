import type { Page } from "playwright-core";

/**
 * Stored-XSS traps for a Chromium page, for the test that writes every payload of
 * xss-payloads.ts into every text field and then reads the pages that show them.
 *
 * Three nets, because one is not enough: the pages' Content-Security-Policy already refuses
 * inline script, so "no dialog opened" alone would pass a page that carries a live handler.
 *   1. anything that ran: a dialog, a call to `window.__xss`;
 *   2. anything the policy had to refuse (a `securitypolicyviolation` event): injected markup
 *      reached the page and tried;
 *   3. the DOM itself: no handler attributes, no script without the page's nonce, no frames or
 *      plugins, no link to a scheme that runs or loads a document, and inside a post's body only
 *      the tags and attributes the post renderer allows.
 *
 * Usage: `const traps = await armXssTraps(page)` before the first `goto`, then after each page
 * `expect(await traps.problems()).toEqual([])`.
 */
export type XssTraps = {
  /** What went wrong since the traps were armed, plus what the current DOM shows. */
  problems(options?: DomCheckOptions): Promise<string[]>;
};

export type DomCheckOptions = {
  /** Elements holding members' rendered posts, checked against the renderer's allow-list. */
  postSelector?: string;
  /**
   * Schemes a link anywhere on the page may use. `tel:` is the app's own (dial-in numbers,
   * helplines); a post's links are held to http, https and mailto.
   */
  linkSchemes?: string[];
};

export async function armXssTraps(page: Page): Promise<XssTraps> {
  const seen: string[] = [];
  page.on("dialog", (dialog) => {
    seen.push(`a dialog opened (${dialog.type()}): ${JSON.stringify(dialog.message())}`);
    dialog.dismiss().catch(() => {});
  });
  page.on("pageerror", (error) => {
    // A payload that half-ran (its code reached the page and threw) is as bad as one that ran.
    if (/alert|__xss|confirm|prompt/.test(String(error.message))) {
      seen.push(`a script error mentions a payload: ${error.message}`);
    }
  });
  await page.exposeFunction("__xss", (...args: unknown[]) => {
    seen.push(`window.__xss ran with ${JSON.stringify(args)}`);
  });
  await page.exposeFunction("__xssRefused", (what: string) => {
    seen.push(`the Content-Security-Policy refused something: ${what}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __xssRefused?: (what: string) => void }).__xssRefused;
      report?.(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline code"}` +
          (event.sample ? ` (${event.sample})` : ""),
      );
    });
  });
  return {
    async problems(options = {}) {
      const frames = page.frames().length;
      const framed = frames > 1 ? [`the page has ${frames - 1} frame(s) besides its own`] : [];
      return [...seen, ...framed, ...(await xssDomProblems(page, options))];
    },
  };
}

/** The DOM check alone, for a page whose traps were not armed before it loaded. */
export async function xssDomProblems(page: Page, options: DomCheckOptions = {}): Promise<string[]> {
  return page.evaluate(domProblems, {
    postSelector: options.postSelector ?? ".post-body",
    linkSchemes: options.linkSchemes ?? ["http:", "https:", "mailto:", "tel:"],
  });
}

/** Runs inside the page: no imports, no closures over test code. */
function domProblems({
  postSelector,
  linkSchemes,
}: {
  postSelector: string;
  linkSchemes: string[];
}): string[] {
  const problems: string[] = [];
  const describe = (el: Element) => el.outerHTML.replace(/\s+/g, " ").slice(0, 160);
  const runsOrLoads = /^(javascript|vbscript|data|blob|file):/;
  const schemeOf = (value: string) => {
    try {
      return new URL(value, document.baseURI).protocol;
    } catch {
      return "unparsable:";
    }
  };
  const postTags = new Set([
    "P",
    "BR",
    "EM",
    "STRONG",
    "UL",
    "OL",
    "LI",
    "BLOCKQUOTE",
    "CODE",
    "PRE",
    "A",
  ]);
  const postAttributes: Record<string, string[]> = { A: ["href", "rel"], OL: ["start"] };
  const forbidden =
    "iframe, frame, frameset, object, embed, applet, portal, base, meta[http-equiv]";

  // Every element, also inside <template> contents and open shadow roots.
  const elements: Element[] = [];
  const collect = (root: ParentNode) => {
    for (const el of root.querySelectorAll("*")) {
      elements.push(el);
      if (el instanceof HTMLTemplateElement) collect(el.content);
      if (el.shadowRoot) collect(el.shadowRoot);
    }
  };
  collect(document);

  for (const el of elements) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on")) problems.push(`event handler ${name}: ${describe(el)}`);
      const urlAttribute = [
        "href",
        "xlink:href",
        "src",
        "action",
        "formaction",
        "data",
        "poster",
        "background",
        "srcdoc",
      ].includes(name);
      if (name === "srcdoc") problems.push(`srcdoc: ${describe(el)}`);
      else if (urlAttribute && runsOrLoads.test(schemeOf(attr.value.trim()))) {
        problems.push(`${name} with scheme ${schemeOf(attr.value.trim())}: ${describe(el)}`);
      }
    }
    if (el.matches(forbidden)) problems.push(`forbidden element: ${describe(el)}`);
    if (el.localName === "script") {
      // Chromium hides a script's nonce attribute once the page is parsed; the property keeps it.
      if (!(el as HTMLScriptElement).nonce) problems.push(`script without nonce: ${describe(el)}`);
    }
    if (el.localName === "style") problems.push(`style element: ${describe(el)}`);
    if (el.localName === "link") {
      const href = (el as HTMLLinkElement).href;
      if (href && new URL(href).origin !== location.origin) {
        problems.push(`link element to another site: ${describe(el)}`);
      }
    }
    if (el.localName === "form") {
      const action = (el as HTMLFormElement).action;
      if (action && new URL(action).origin !== location.origin) {
        problems.push(`form sent to another site: ${describe(el)}`);
      }
    }
    if ((el.localName === "a" || el.localName === "area") && el.hasAttribute("href")) {
      const scheme = schemeOf(el.getAttribute("href")!.trim());
      if (!linkSchemes.includes(scheme))
        problems.push(`link with scheme ${scheme}: ${describe(el)}`);
    }
  }

  for (const body of document.querySelectorAll(postSelector)) {
    for (const el of body.querySelectorAll("*")) {
      if (!postTags.has(el.tagName)) {
        problems.push(`post body holds <${el.localName}>: ${describe(el)}`);
        continue;
      }
      const allowed = postAttributes[el.tagName] ?? [];
      for (const attr of el.attributes) {
        if (!allowed.includes(attr.name)) {
          problems.push(`post body attribute ${attr.name}: ${describe(el)}`);
        }
      }
      if (el.tagName === "A") {
        const scheme = el.hasAttribute("href") ? schemeOf(el.getAttribute("href")!) : "none";
        if (!["http:", "https:", "mailto:"].includes(scheme)) {
          problems.push(`post link with scheme ${scheme}: ${describe(el)}`);
        }
        const rel = (el.getAttribute("rel") ?? "").split(/\s+/);
        for (const word of ["nofollow", "noopener", "noreferrer"]) {
          if (!rel.includes(word)) problems.push(`post link without rel ${word}: ${describe(el)}`);
        }
      }
    }
  }
  return problems;
}
