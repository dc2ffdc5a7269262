import type { Child } from "hono/jsx";

export interface NavItem {
  href: string;
  label: string;
  current?: boolean;
}

export interface LayoutProps {
  title: string;
  children: Child;
  /** Signed-in user's display name, if any. */
  userName?: string | null;
  nav?: NavItem[];
}

/** The full page title, the same for a page and for a fragment that replaces its content. */
export function documentTitle(title: string): string {
  return `${title} – Genomförd`;
}

/**
 * The one full-page layout (the renderer in src/routes/render.tsx adds the doctype). On a
 * narrow screen the menu folds behind a "Meny" button (static/app.js); without script the
 * button stays hidden and the menu simply wraps.
 */
export function Layout({ title, children, userName, nav = [] }: LayoutProps) {
  const hasMenu = nav.length > 0 || !!userName;
  return (
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{documentTitle(title)}</title>
        {/* htmx would otherwise inject an inline <style>, which the CSP forbids; app.css has it.
              No history cache: it would keep staff lists in sessionStorage after logout. */}
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"historyCacheSize":0}' />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/vendor/htmx.min.js" defer></script>
        <script src="/static/app.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          Hoppa till innehållet
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            Genomförd
          </a>
          {hasMenu ? (
            <button
              type="button"
              class="menu-toggle"
              aria-expanded="false"
              aria-controls="site-menu"
              data-menu-toggle
            >
              Meny
            </button>
          ) : null}
          {hasMenu ? (
            <div class="site-menu" id="site-menu">
              <nav aria-label="Huvudmeny">
                <ul>
                  {nav.map((item) => (
                    <li>
                      <a href={item.href} aria-current={item.current ? "page" : undefined}>
                        {item.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
              {userName ? (
                <form method="post" action="/logout" class="user">
                  <a href="/password" title="Byt lösenord">
                    {userName}
                  </a>{" "}
                  <button type="submit" class="secondary">
                    Logga ut
                  </button>
                </form>
              ) : null}
            </div>
          ) : null}
        </header>
        <main id="main">{children}</main>
        {/* What an htmx swap changed, read out by screen readers (static/app.js fills it). */}
        <div id="live-region" class="visually-hidden" role="status" aria-live="polite"></div>
        <footer class="site-footer">
          <p>Genomförd – uppföljning av obligatoriska utbildningar</p>
        </footer>
      </body>
    </html>
  );
}
