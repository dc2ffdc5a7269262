/**
 * The one renderer. Routes call `c.render(body, { title })`; a full page goes through the
 * layout, an htmx request gets only `body` (the fragment it swaps into a page it already
 * has). `isFragment` is the one place that tells the two apart.
 */
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { jsxRenderer } from "hono/jsx-renderer";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Role } from "../../db/schema";
import { documentTitle, Layout, type NavItem } from "../../views/layout";
import { CAN } from "../auth/roles";
import type { AppEnv } from "../env";

declare module "hono" {
  // An interface, not a type alias: module augmentation merges only interfaces.
  interface ContextRenderer {
    // biome-ignore lint/style/useShorthandFunctionType: see above
    (content: Child, props: { title: string }): Response | Promise<Response>;
  }
}

/** Main menu per role; a link a role cannot use is not shown (the route still checks). */
const NAV: Array<NavItem & { roles: readonly Role[] }> = [
  { href: "/", label: "Start", roles: ["admin", "hr", "ledning", "chef"] },
  { href: "/imports", label: "Importera", roles: ["admin", "hr"] },
  { href: "/malgrupper", label: "Målgrupper", roles: CAN.importFiles },
  { href: "/tackning", label: "Täckning", roles: CAN.viewReports },
  { href: "/rapport", label: "Årsrapport", roles: CAN.viewReports },
  { href: "/handlingsplan", label: "Handlingsplan", roles: CAN.viewReports },
  { href: "/admin/users", label: "Användare", roles: ["admin"] },
  { href: "/admin/audit", label: "Granskningslogg", roles: ["admin"] },
  { href: "/admin/integritet", label: "Integritet", roles: ["admin"] },
];

/** The response header that carries a fragment's page title (read by static/app.js). */
export const PAGE_TITLE_HEADER = "X-Page-Title";

/**
 * True for an htmx swap. A boosted link and a history restore (cache miss) need the whole
 * page, like a normal visit.
 */
export function isFragment(c: Context): boolean {
  return (
    !!c.req.header("HX-Request") &&
    !c.req.header("HX-Boosted") &&
    !c.req.header("HX-History-Restore-Request")
  );
}

function navFor(c: Context<AppEnv>): NavItem[] {
  const user = c.get("user");
  if (!user) return [];
  const path = new URL(c.req.url).pathname;
  return NAV.filter((n) => n.roles.includes(user.role)).map((n) => ({
    href: n.href,
    label: n.label,
    current: n.href === "/" ? path === "/" : path.startsWith(n.href),
  }));
}

export const pageRenderer = jsxRenderer<AppEnv>(
  ({ children, title }, ctx) => {
    const c = ctx as Context<AppEnv>;
    // The fragment's page title travels in a header (URI-encoded: headers are Latin-1) and
    // static/app.js puts it in the tab after the swap. Not as a <title> in the fragment: htmx
    // would find an SVG chart's <title> first and ignore it. Empty: the page keeps its title.
    if (isFragment(c)) {
      if (title) c.header(PAGE_TITLE_HEADER, encodeURIComponent(documentTitle(title)));
      return <>{children}</>;
    }
    return (
      <Layout title={title} nav={navFor(c)} userName={c.get("user")?.name ?? null}>
        {children}
      </Layout>
    );
  },
  (c) => ({ docType: !isFragment(c) }),
);

/** `c.render` with a status: the page through the renderer above. */
export function page<E extends AppEnv>(
  c: Context<E>,
  title: string,
  body: Child,
  status: ContentfulStatusCode = 200,
) {
  c.status(status);
  return c.render(body, { title });
}
