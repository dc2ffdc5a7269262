import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Role } from "../../db/schema";
import { Layout, type NavItem } from "../../views/layout";
import { CAN } from "../auth/roles";
import type { AppEnv } from "../env";

/** Main menu per role; a link a role cannot use is not shown (the route still checks). */
const NAV: Array<NavItem & { roles: readonly Role[] }> = [
  { href: "/", label: "Start", roles: ["admin", "hr", "ledning", "chef"] },
  { href: "/imports", label: "Importera", roles: ["admin", "hr"] },
  { href: "/tackning", label: "Täckning", roles: CAN.viewReports },
  { href: "/rapport", label: "Årsrapport", roles: CAN.viewReports },
  { href: "/handlingsplan", label: "Handlingsplan", roles: CAN.viewReports },
  { href: "/admin/users", label: "Användare", roles: ["admin"] },
  { href: "/admin/audit", label: "Granskningslogg", roles: ["admin"] },
  { href: "/admin/integritet", label: "Integritet", roles: ["admin"] },
];

/**
 * Renders a full page through the one layout, or only `body` for htmx requests
 * (which swap a fragment into a page they already have).
 */
export function page(
  c: Context<AppEnv>,
  title: string,
  body: Child,
  status: ContentfulStatusCode = 200,
) {
  // A history restore (cache miss) needs the whole page, like a normal visit.
  const fragment =
    c.req.header("HX-Request") &&
    !c.req.header("HX-Boosted") &&
    !c.req.header("HX-History-Restore-Request");
  // biome-ignore lint/complexity/noUselessFragments: c.html takes one element; body may be a list
  if (fragment) return c.html(<>{body}</>, status);
  const user = c.get("user");
  const path = new URL(c.req.url).pathname;
  const nav = user
    ? NAV.filter((n) => n.roles.includes(user.role)).map((n) => ({
        href: n.href,
        label: n.label,
        current: n.href === "/" ? path === "/" : path.startsWith(n.href),
      }))
    : [];
  return c.html(
    <Layout title={title} nav={nav} userName={user?.name ?? null}>
      {body}
    </Layout>,
    status,
  );
}
