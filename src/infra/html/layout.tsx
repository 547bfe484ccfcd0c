import type { ComponentChildren } from "preact";
import type { PageContext } from "./page-context.js";

type LayoutProps = {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
  /** Scripts that enhance this page; every page also works without them. */
  scripts?: string[];
  /** Extra <link> elements for the head, such as an alternate feed. */
  links?: { rel: string; type?: string; title?: string; href: string }[];
  /** Structured data (schema.org) for this page, as JSON-LD. */
  jsonLd?: object;
};

export function Layout({ ctx, title, children, scripts = [], links = [], jsonLd }: LayoutProps) {
  const { t, site, viewer } = ctx;
  return (
    <html lang={ctx.lang} data-text-size={ctx.textSize} data-contrast={ctx.contrast}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${site.name}`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        {links.map((link) => (
          <link
            key={link.href}
            rel={link.rel}
            type={link.type}
            title={link.title}
            href={link.href}
          />
        ))}
        {jsonLd ? (
          <script
            type="application/ld+json"
            nonce={ctx.nonce}
            // JSON-LD is data, not markup: "<" is escaped so it can never close the script element.
            dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }}
          />
        ) : null}
        {scripts.map((src) => (
          <script type="module" src={src} nonce={ctx.nonce} key={src} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t("site.skipLink")}
        </a>
        <header class="site-header">
          <div class="page-width header-row">
            <a class="site-name" href="/">
              {site.name}
              <span class="site-tagline">{t("site.tagline")}</span>
            </a>
            <nav aria-label={t("site.nav")}>
              <ul class="nav-list">
                <li>
                  <a href="/groups" aria-current={ctx.path === "/groups" ? "page" : undefined}>
                    {t("site.groups")}
                  </a>
                </li>
                {viewer ? (
                  <>
                    <li>
                      <a
                        href="/account"
                        aria-current={ctx.path === "/account" ? "page" : undefined}
                      >
                        {t("site.account")}
                      </a>
                    </li>
                    <li>
                      <form method="post" action="/sign-out" class="inline-form">
                        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                        <button type="submit" class="link-button">
                          {t("site.signOut")}
                        </button>
                      </form>
                    </li>
                  </>
                ) : (
                  <li>
                    <a href="/sign-in" aria-current={ctx.path === "/sign-in" ? "page" : undefined}>
                      {t("site.signIn")}
                    </a>
                  </li>
                )}
              </ul>
            </nav>
          </div>
        </header>
        <div class="page-width">
          <main id="main" tabIndex={-1}>
            {ctx.flash ? (
              <div class="flash" role="status">
                <p>{t(ctx.flash)}</p>
              </div>
            ) : null}
            {children}
          </main>
          <aside class="help-block" aria-labelledby="help-title">
            <h2 id="help-title">{t("site.helpTitle")}</h2>
            {site.helpPhone || site.helpEmail ? (
              <ul>
                {site.helpPhone ? (
                  <li>
                    <a href={`tel:${site.helpPhone.replace(/[^+0-9]/g, "")}`}>
                      {t("site.helpPhone", { phone: site.helpPhone })}
                    </a>
                  </li>
                ) : null}
                {site.helpEmail ? (
                  <li>
                    <a href={`mailto:${site.helpEmail}`}>
                      {t("site.helpEmail", { email: site.helpEmail })}
                    </a>
                  </li>
                ) : null}
              </ul>
            ) : (
              <p>{t("site.helpNone", { name: site.name })}</p>
            )}
          </aside>
        </div>
        <footer class="site-footer">
          <div class="page-width">
            <p>
              <a href="/urgent-help" class="urgent-link">
                {t("site.urgentLink")}
              </a>
            </p>
            {viewer ? null : (
              <p>
                <a
                  href={`/language/${t("site.languageSwitchTo")}?back=${encodeURIComponent(ctx.url)}`}
                  lang={t("site.languageSwitchTo")}
                  hreflang={t("site.languageSwitchTo")}
                >
                  {t("site.languageSwitch")}
                </a>
              </p>
            )}
            <p>{t("site.footer", { name: site.name })}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
