import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { xssPayloads } from "../../test/xss-payloads.js";
import { renderPostMarkdown, sanitizePostHtml } from "./markdown.js";

const REL = 'rel="nofollow noopener noreferrer"';

/**
 * Every tag the renderer may emit, spelled exactly. The sanitizer escapes `<` in text and `"` in
 * attributes, so in its output every `<` opens a tag: a tag missing from this list is a tag
 * that got through.
 */
const ALLOWED_TAG =
  /^<(?:\/?(?:p|em|strong|ul|ol|li|blockquote|code|pre|a)|br \/|ol start="\d+"|a href="(?:https?:\/\/|mailto:)[^"<>]*" rel="nofollow noopener noreferrer")>$/;

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  colon: ":",
  tab: "\t",
  newline: "\n",
  nbsp: "\u00a0",
};

/** Entities decoded the way a browser reads an attribute, with or without the semicolon. */
function decodeEntities(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi, (whole, hex, dec, name) => {
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16) % 0x110000);
    if (dec) return String.fromCodePoint(Number.parseInt(dec, 10) % 0x110000);
    return NAMED[String(name).toLowerCase()] ?? whole;
  });
}

/** What a browser strips before it reads a URL's scheme: C0 controls, spaces, tabs, newlines. */
function schemeOf(href: string): string {
  const squeezed = [...decodeEntities(href)]
    .filter((c) => c > " " && !(c >= "\u007f" && c <= "\u00a0") && !"\u200b\ufeff".includes(c))
    .join("");
  return /^([a-z][a-z0-9+.-]*):/i.exec(squeezed)?.[1]?.toLowerCase() ?? "";
}

/** A tag's attributes in order, each quoted value read whole (it may hold ` href=`). */
function attributesOf(tag: string): [string, string][] {
  const body = tag.replace(/^<\/?[^\s>/]*/, "");
  const found = body.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?/g);
  return [...found].map((m) => [m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? ""]);
}

/** The ways a rendered post could run script, load from elsewhere or restyle the page. */
function inertnessProblems(html: string): string[] {
  const problems: string[] = [];
  const lower = html.toLowerCase();
  for (const bad of ["<script", "<svg", "<style", "<iframe", "<object", "<embed", "<img"]) {
    if (lower.includes(bad)) problems.push(`contains ${bad}`);
  }
  for (const bad of ["<form", "<input", "<math", "<base", "<meta", "<link", "<frame"]) {
    if (lower.includes(bad)) problems.push(`contains ${bad}`);
  }
  for (const tag of html.match(/<[^>]*>?/g) ?? []) {
    if (!ALLOWED_TAG.test(tag)) problems.push(`tag outside the allow-list: ${tag}`);
    for (const [name, value] of attributesOf(tag)) {
      if (/^on/i.test(name)) problems.push(`event handler: ${tag}`);
      if (!["href", "rel", "start"].includes(name)) problems.push(`attribute ${name}: ${tag}`);
      const scheme = name === "href" ? schemeOf(value) : "http";
      if (!["http", "https", "mailto"].includes(scheme)) problems.push(`link scheme "${scheme}"`);
    }
  }
  for (const [anchor] of html.matchAll(/<a\s[^>]*>/g)) {
    if (!anchor.includes(REL)) problems.push(`link without rel: ${anchor}`);
  }
  return problems;
}

describe("renderPostMarkdown: light formatting", () => {
  it.each([
    ["a paragraph", "Hello there", "<p>Hello there</p>"],
    ["paragraphs split by a blank line", "one\n\ntwo", "<p>one</p>\n<p>two</p>"],
    ["a single newline as a line break", "one\ntwo", "<p>one<br />\ntwo</p>"],
    ["emphasis", "so *glad*", "<p>so <em>glad</em></p>"],
    ["strong words", "so **glad**", "<p>so <strong>glad</strong></p>"],
    ["a bulleted list", "- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"],
    ["a numbered list", "1. one\n2. two", "<ol>\n<li>one</li>\n<li>two</li>\n</ol>"],
    ["a numbered list from 3", "3. three", '<ol start="3">\n<li>three</li>\n</ol>'],
    ["a quote", "> she said\n> hello", "<blockquote>\n<p>she said<br />\nhello</p>\n</blockquote>"],
    ["inline code", "type `ok`", "<p>type <code>ok</code></p>"],
    ["a fenced code block", "```\nx < y\n```", "<pre><code>x &lt; y\n</code></pre>"],
    ["a fenced block's language dropped", "```js\nx\n```", "<pre><code>x\n</code></pre>"],
    [
      "a link",
      "[the library](https://example.org/a?b=1&c=2)",
      `<p><a href="https://example.org/a?b=1&amp;c=2" ${REL}>the library</a></p>`,
    ],
    [
      "a bare address as a link",
      "see https://example.org.",
      `<p>see <a href="https://example.org" ${REL}>https://example.org</a>.</p>`,
    ],
    [
      "a www address as an http link",
      "see www.example.org",
      `<p>see <a href="http://www.example.org" ${REL}>www.example.org</a></p>`,
    ],
    [
      "an e-mail address as a mailto link",
      "write to anna@example.org",
      `<p>write to <a href="mailto:anna@example.org" ${REL}>anna@example.org</a></p>`,
    ],
    [
      "an autolink",
      "<https://example.org>",
      `<p><a href="https://example.org" ${REL}>https://example.org</a></p>`,
    ],
    [
      "a reference-style link",
      "[home][h]\n\n[h]: https://example.org",
      `<p><a href="https://example.org" ${REL}>home</a></p>`,
    ],
  ])("renders %s", (_name, text, html) => {
    expect(renderPostMarkdown(text).trim()).toBe(html);
  });

  it.each([
    ["a heading, as a bold line", "# News", "<p><strong>News</strong></p>"],
    ["an underlined heading, as a bold line", "News\n===", "<p><strong>News</strong></p>"],
    ["an image, as the words of a link", "![a cat](https://example.org/c.png)", "a cat"],
    ["a table, as its text", "|a|b|\n|-|-|\n|1|2|", "<p>|a|b|<br />\n|-|-|<br />\n|1|2|</p>"],
    ["a rule, as its text", "***", "<p>***</p>"],
    ["an indented line, as a paragraph", "    lined up", "<p>lined up</p>"],
    ["strikethrough, as its text", "~~no~~", "<p>~~no~~</p>"],
    ["HTML, as written", "<b>hi</b>", "<p>&lt;b&gt;hi&lt;/b&gt;</p>"],
    ["quotes and dashes, untouched", '"yes" -- (c)', '<p>"yes" -- (c)</p>'],
  ])("shows %s", (_name, text, expected) => {
    expect(renderPostMarkdown(text)).toContain(expected);
  });

  it("never renders an image, even a safe one", () => {
    expect(renderPostMarkdown("![a cat](https://example.org/c.png)")).not.toContain("<img");
  });

  it.each([
    ["a site-relative link", "[x](/admin)"],
    ["a protocol-relative link", "[x](//evil.example)"],
    ["an ftp link", "[x](ftp://example.org)"],
    ["a link to a fragment", "[x](#top)"],
  ])("keeps %s as text, not a link", (_name, text) => {
    const html = renderPostMarkdown(text);
    expect(html).not.toContain("<a");
    expect(html).toContain("[x](");
  });

  it("keeps the words of quotes nested deeper than it formats", () => {
    const text = `${">".repeat(60)} deep words\n\nafter`;
    const html = renderPostMarkdown(text);
    expect(html).toContain("deep words");
    expect(html).toContain("<p>after</p>");
    expect(html.split("<blockquote>").length - 1).toBeLessThanOrEqual(20);
  });

  it("keeps the words of lists nested deeper than it formats", () => {
    const text = Array.from({ length: 30 }, (_, i) => `${" ".repeat(i * 2)}- item ${i}`).join("\n");
    const html = renderPostMarkdown(`${text}\n\nafter`);
    for (let i = 0; i < 30; i++) expect(html).toMatch(new RegExp(`item ${i}\\b`));
    expect(html).toContain("<p>after</p>");
  });
});

describe("renderPostMarkdown: stored XSS", () => {
  it("has at least 120 distinct payloads to try", () => {
    expect(new Set(xssPayloads).size).toBe(xssPayloads.length);
    expect(xssPayloads.length).toBeGreaterThanOrEqual(120);
  });

  it("the inertness check catches what it is meant to catch", () => {
    // The check itself must be able to fail, or the tests below prove nothing.
    expect(inertnessProblems('<p><img src=x onerror="alert(1)"></p>')).not.toEqual([]);
    expect(inertnessProblems(`<a href="java&#x09;script:alert(1)" ${REL}>x</a>`)).not.toEqual([]);
    expect(inertnessProblems(`<a href="&#106;avascript:alert(1)" ${REL}>x</a>`)).not.toEqual([]);
    expect(inertnessProblems('<a href="https://example.org">x</a>')).not.toEqual([]);
    expect(inertnessProblems('<p style="color:red">x</p>')).not.toEqual([]);
    expect(inertnessProblems(`<p>ok <a href="https://example.org" ${REL}>x</a></p>`)).toEqual([]);
  });

  it.each(xssPayloads.map((payload) => [payload]))("renders %j inert", (payload) => {
    expect(inertnessProblems(renderPostMarkdown(payload))).toEqual([]);
  });

  it("renders every payload inert inside other text, in a list and in a quote", () => {
    for (const payload of xssPayloads) {
      for (const text of [`before ${payload} after`, `- ${payload}`, `> ${payload}`]) {
        expect(inertnessProblems(renderPostMarkdown(text)), text).toEqual([]);
      }
    }
  });

  it("the sanitizer alone makes every payload inert, read as raw HTML", () => {
    for (const payload of xssPayloads) {
      expect(inertnessProblems(sanitizePostHtml(payload)), payload).toEqual([]);
      expect(inertnessProblems(sanitizePostHtml(`<p>${payload}</p>`)), payload).toEqual([]);
    }
  });

  it("the sanitizer alone keeps only checked links, each with its rel", () => {
    expect(sanitizePostHtml('<a href="/admin" target="_blank">x</a> <em>y</em>')).toBe(
      "x <em>y</em>",
    );
    expect(sanitizePostHtml('<a href="https://example.org" rel="opener" target="_top">x</a>')).toBe(
      `<a href="https://example.org" ${REL}>x</a>`,
    );
  });

  const fragments = [
    ..."*_`[]()<>!#-=\"'&;:/\\\n\t ",
    "**",
    "```\n",
    "\n\n",
    "> ",
    "- ",
    "1. ",
    "# ",
    "](",
    "]: ",
    "![",
    "javascript:",
    "JaVaScRiPt:",
    "java\tscript:",
    "&#106;",
    "&#x6A;",
    "&#x09;",
    "&colon;",
    "&Tab;",
    "data:text/html,",
    "vbscript:",
    "http://",
    "https://example.org/",
    "mailto:",
    "www.",
    "@example.org",
    "alert(1)",
    "<script>",
    "</script>",
    "<img src=x ",
    "onerror=",
    "<svg ",
    "onload=",
    " style=",
    "<a href=",
    "<iframe ",
    "srcdoc=",
    "\u0000",
    "\u00a0",
    "\u200b",
  ];
  const mixed = fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...fragments) },
        { weight: 1, arbitrary: fc.constantFrom(...xssPayloads) },
        { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
        { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(""));

  it("renders any mix of markdown, HTML and link tricks inert (2,000 cases)", () => {
    fc.assert(
      fc.property(mixed, (text) => {
        expect(inertnessProblems(renderPostMarkdown(text))).toEqual([]);
        // The same text read as raw HTML, as if markdown-it had let it all through.
        expect(inertnessProblems(sanitizePostHtml(text))).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("renderPostMarkdown: hostile sizes", () => {
  // 100 KB, five times the longest post a form accepts. Measured here (2 cores): at most about
  // 260 ms each, growing linearly with the length; a quadratic step would take minutes.
  const size = 100_000;
  it.each([
    ["asterisks", "*".repeat(size)],
    ["asterisks between letters", "*a".repeat(size / 2)],
    ["underscores between letters", "_a_b".repeat(size / 4)],
    ["mixed emphasis markers", "*_**__".repeat(size / 6)],
    ["opening brackets", "[".repeat(size)],
    ["nested brackets", `${"[".repeat(size / 2)}a${"]".repeat(size / 2)}`],
    ["unfinished links", "[a](<".repeat(size / 5)],
    ["nested quotes", ">".repeat(size)],
    ["nested list markers", `${"- ".repeat(size / 2)}x`],
    ["backticks between letters", "`a".repeat(size / 2)],
    ["angle brackets", "<".repeat(size)],
    ["entity starts", "&#".repeat(size / 2)],
    ["line breaks", "a\n".repeat(size / 2)],
    ["headings", "# a\n".repeat(size / 4)],
    ["bare addresses", "http://a.b ".repeat(size / 11)],
    ["reference uses", `${"[a]".repeat(size / 3)}\n\n[a]: https://example.org`],
    ["HTML tags", "<img src=x onerror=alert(1)>".repeat(size / 28)],
  ])("renders 100 KB of %s, inert and whole", (_name, text) => {
    // How long it takes is measured by hand and noted in the markdown module, not asserted here.
    const html = renderPostMarkdown(text);
    expect(inertnessProblems(html)).toEqual([]);
  });
});
