import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { desktop } from "./fixtures.js";

/** WCAG 2.2 A and AA, as axe tags them. */
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** GOV.UK body text, kept on every screen (FIELD-NOTES, "Older people and the web"). */
const minBodyFontPx = 19;
/** GOV.UK touch target, stricter than WCAG 2.5.8's 24 px. */
const minTargetPx = 44;

/**
 * 200% zoom of a 1280-pixel window lays the page out in 640 CSS pixels, and 400% in 320
 * (WCAG 1.4.10 Reflow). The device pixel ratio only changes sharpness, not layout.
 */
const zoomed = [
  { label: "200% zoom (640 px)", width: 640, height: 400 },
  { label: "320 px wide", width: 320, height: 256 },
];

/**
 * The same axe rules run inside the page itself ("legacy mode"). The default mode runs each
 * frame apart and then opens a second page to combine the results, which only cross-origin
 * frames need: the pages' policy (`default-src 'self'`) allows none, and the extra page made
 * each check take about three times as long.
 */
async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(wcagTags)
    .setLegacyMode(true)
    .analyze();
  return violations.map((v) => {
    const nodes = v.nodes.map(
      (n) =>
        `      ${n.target.join(" ")}\n        ${n.failureSummary?.replaceAll("\n", "\n        ")}`,
    );
    return `axe ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${nodes.join("\n")}`;
  });
}

async function viewportMetaProblems(page: Page): Promise<string[]> {
  const content = await page.locator('meta[name="viewport"]').getAttribute("content");
  if (content === null) return ["no <meta name=viewport>: phones show a shrunken desktop page"];
  const problems: string[] = [];
  if (/user-scalable\s*=\s*(no|0)/i.test(content))
    problems.push(`viewport meta blocks zoom: ${content}`);
  const max = content.match(/maximum-scale\s*=\s*([\d.]+)/i);
  if (max && Number(max[1]) < 2) problems.push(`viewport meta limits zoom below 200%: ${content}`);
  return problems;
}

async function fontProblems(page: Page): Promise<string[]> {
  const px = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
  return px >= minBodyFontPx ? [] : [`body text is ${px}px, below ${minBodyFontPx}px`];
}

/**
 * Every visible link, button and field is at least 44×44 CSS pixels, except a link inside a
 * sentence: one that shares its line with other text of the same paragraph or list item
 * (the "inline" exception of WCAG 2.5.5 and 2.5.8).
 */
async function targetProblems(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const describe = (el: Element) => {
      const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 60);
      const name =
        el.getAttribute("aria-label") ?? el.getAttribute("name") ?? el.getAttribute("href");
      return `<${el.tagName.toLowerCase()}>${text ? ` "${text}"` : ""}${name ? ` [${name}]` : ""}`;
    };
    const sharesLineWithText = (link: Element) => {
      const block = link.parentElement?.closest("p, li");
      if (!block) return false;
      const lines = [...link.getClientRects()];
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (link.contains(node) || !node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
          if (r.width > 0 && lines.some((l) => r.top < l.bottom && r.bottom > l.top)) return true;
        }
      }
      return false;
    };
    const problems: string[] = [];
    for (const el of document.querySelectorAll("a, button, input, select, textarea, summary")) {
      if (el instanceof HTMLInputElement && el.type === "hidden") continue;
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.width >= min - 0.5 && box.height >= min - 0.5) continue;
      if (el.tagName === "A" && sharesLineWithText(el)) continue;
      problems.push(
        `target ${describe(el)} is ${box.width.toFixed(0)}×${box.height.toFixed(0)} px, below ${min}×${min}`,
      );
    }
    return problems;
  }, minTargetPx);
}

/**
 * No sideways scrolling, and every heading, link, button and field lies within the width.
 * Something parked off-screen on purpose (the skip link) must come into view when focused.
 */
async function reflowProblems(page: Page, label: string): Promise<string[]> {
  return page.evaluate((label) => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const problems: string[] = [];
    if (root.scrollWidth > width) {
      problems.push(
        `${label}: page scrolls sideways (${root.scrollWidth} px of content in ${width})`,
      );
    }
    const inside = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.left >= -1 && box.right <= width + 1;
    };
    const selector = "h1, h2, h3, a, button, input, select, textarea, summary, label, legend";
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (el instanceof HTMLInputElement && el.type === "hidden") continue;
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      if (inside(el)) continue;
      el.focus();
      const reachable = document.activeElement === el && inside(el);
      el.blur();
      if (reachable) continue;
      const box = el.getBoundingClientRect();
      const text = (el.textContent ?? "").trim().slice(0, 50);
      problems.push(
        `${label}: <${el.tagName.toLowerCase()}> "${text}" lies outside the screen (${box.left.toFixed(0)}–${box.right.toFixed(0)} of ${width} px)`,
      );
    }
    return problems;
  }, label);
}

/**
 * Every link, button and summary reads clearly while it has the keyboard's focus (WCAG 1.4.3 and
 * 2.4.7, which axe cannot see): its text against the background it then has is at least 4.5:1.
 * One Tab puts the page in keyboard mode, so each element focused after it shows its focus style.
 */
async function focusProblems(page: Page, label: string): Promise<string[]> {
  await page.keyboard.press("Tab");
  return page.evaluate((label) => {
    const rgba = (colour: string) => {
      const parts = (colour.match(/[\d.]+/g) ?? []).map(Number);
      return { r: parts[0] ?? 0, g: parts[1] ?? 0, b: parts[2] ?? 0, a: parts[3] ?? 1 };
    };
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const channel = (v: number) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const backgroundOf = (el: Element | null) => {
      for (let at = el; at; at = at.parentElement) {
        const colour = rgba(getComputedStyle(at).backgroundColor);
        if (colour.a > 0) return colour;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const problems: string[] = [];
    let shown = 0;
    const before = document.activeElement as HTMLElement | null;
    for (const el of document.querySelectorAll<HTMLElement>("a[href], button, summary")) {
      if (el.getClientRects().length === 0) continue;
      el.focus({ preventScroll: true });
      if (document.activeElement !== el || !el.matches(":focus-visible")) continue;
      shown += 1;
      const text = luminance(rgba(getComputedStyle(el).color));
      const back = luminance(backgroundOf(el));
      const ratio = (Math.max(text, back) + 0.05) / (Math.min(text, back) + 0.05);
      if (ratio < 4.5) {
        const name = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
        problems.push(
          `${label}: <${el.tagName.toLowerCase()}> "${name}" has ${ratio.toFixed(2)}:1 when focused`,
        );
      }
    }
    before?.focus({ preventScroll: true });
    if (shown === 0) problems.push(`${label}: no element showed its keyboard focus`);
    return problems;
  }, label);
}

/**
 * The checks every page must pass, whoever reads it: axe finds no WCAG 2.2 AA violation;
 * body text ≥ 19 px; targets ≥ 44 px; focused links and buttons stay legible; the page can be
 * zoomed and reflows at 200% and at 320 px without sideways scrolling. All problems are listed
 * together.
 */
export async function expectNoBarriers(page: Page, what: string): Promise<void> {
  const problems = [
    ...(await axeProblems(page)),
    ...(await viewportMetaProblems(page)),
    ...(await fontProblems(page)),
    ...(await targetProblems(page)),
    ...(await focusProblems(page, "focus")),
  ];
  const original = page.viewportSize() ?? desktop;
  try {
    for (const size of zoomed) {
      await page.setViewportSize({ width: size.width, height: size.height });
      problems.push(...(await reflowProblems(page, size.label)));
    }
  } finally {
    await page.setViewportSize(original);
  }
  expect.soft(problems, `Barriers on ${what} (${page.url()})`).toEqual([]);
}

/** The text size and colours a person chose in their profile are in force on this page. */
export async function expectPresentation(
  page: Page,
  chosen: { textSize: string; contrast: string; minFontPx: number },
): Promise<void> {
  const shown = await page.evaluate(() => ({
    textSize: document.documentElement.dataset.textSize,
    contrast: document.documentElement.dataset.contrast,
    fontPx: Number.parseFloat(getComputedStyle(document.body).fontSize),
  }));
  expect(shown.textSize, `text size on ${page.url()}`).toBe(chosen.textSize);
  expect(shown.contrast, `colours on ${page.url()}`).toBe(chosen.contrast);
  expect(shown.fontPx, `body font size on ${page.url()}`).toBeGreaterThanOrEqual(chosen.minFontPx);
}
