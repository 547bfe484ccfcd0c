import { groupPageUrl } from "../../groups/present.js";

const xmlEscape = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!,
  );

/** sitemaps.org: the home page, the directory, and each listed, active group's page. */
export function presentSitemap(
  pages: readonly { slug: string; updatedAt: Date }[],
  baseUrl: URL,
): string {
  const url = (loc: string, lastmod?: Date) =>
    `  <url><loc>${xmlEscape(loc)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString().slice(0, 10)}</lastmod>` : ""}</url>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    url(new URL("/", baseUrl).toString()),
    url(new URL("/groups", baseUrl).toString()),
    ...pages.map((page) => url(groupPageUrl(page.slug, baseUrl), page.updatedAt)),
    "</urlset>",
    "",
  ].join("\n");
}
