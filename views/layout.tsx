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

/** The one full-page layout (the renderer in src/routes/render.tsx adds the doctype). */
export function Layout({ title, children, userName, nav = [] }: LayoutProps) {
  return (
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – Genomförd`}</title>
        {/* htmx would otherwise inject an inline <style>, which the CSP forbids; app.css has it.
              No history cache: it would keep staff lists in sessionStorage after logout. */}
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"historyCacheSize":0}' />
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/vendor/htmx.min.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          Hoppa till innehållet
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            Genomförd
          </a>
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
        </header>
        <main id="main">{children}</main>
        <footer class="site-footer">
          <p>Genomförd – uppföljning av obligatoriska utbildningar</p>
        </footer>
      </body>
    </html>
  );
}
