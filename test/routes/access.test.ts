/**
 * Authorisation across the whole app: every registered route refuses anonymous users unless
 * it is on the public allowlist below, admin routes refuse every other role, and a chef sees
 * nothing of another unit. Routes added later are walked automatically.
 */
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../db/schema";
import { createApp } from "../../src/app";
import type { AppEnv } from "../../src/env";
import { seedDemoData } from "../../src/services/demo/seed";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { ORIGIN } from "../helpers/http";
import { CHEF_SCOPE_URLS, expectChefSeesNothingOf } from "../helpers/scope";

/** Reachable without signing in — keep this list short and deliberate. */
const PUBLIC = new Set([
  "GET /healthz",
  "GET /login",
  "POST /login",
  "POST /logout",
  "GET /login/sso",
  "GET /login/sso/callback",
  "GET /set-password/:token",
  "POST /set-password/:token",
]);

/** Routes with the roles allowed; any route not listed must at least refuse anonymous users. */
const ROLE_MATRIX: Array<{ method: string; path: string; roles: readonly Role[] }> = [
  { method: "GET", path: "/", roles: ROLES },
  { method: "GET", path: "/password", roles: ROLES },
  { method: "GET", path: "/admin/users", roles: ["admin"] },
  { method: "GET", path: "/admin/users/new", roles: ["admin"] },
  { method: "GET", path: "/admin/audit", roles: ["admin"] },
  { method: "GET", path: "/admin/integritet", roles: ["admin"] },
  { method: "GET", path: "/admin/integritet/atkomst", roles: ["admin"] },
  { method: "GET", path: "/admin/integritet/registerutdrag", roles: ["admin"] },
];

function concretePath(path: string): string {
  return path
    .replace(/:(\w+)(\{[^}]*\})?\??/g, (_, name: string) => (name === "token" ? "x" : "1"))
    .replace(/\*/g, "x");
}

function registeredRoutes(app: Hono<AppEnv>) {
  const seen = new Set<string>();
  const out: Array<{ method: string; path: string }> = [];
  for (const r of app.routes) {
    for (const method of r.method === "ALL" ? ["GET", "POST"] : [r.method]) {
      const key = `${method} ${r.path}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push({ method, path: r.path });
      }
    }
  }
  return out;
}

describe("access control", () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db, { today: "2026-11-25", withUsers: false });
    app = createApp({ db: t.db, now: () => new Date("2026-11-25T09:00:00Z") });
  });
  afterAll(() => t.cleanup());

  it("walks a real route list (sanity)", () => {
    const keys = registeredRoutes(app).map((r) => `${r.method} ${r.path}`);
    expect(keys).toContain("GET /");
    expect(keys).toContain("POST /admin/users/:id/role");
    for (const p of PUBLIC) expect(keys).toContain(p);
  });

  it("every non-public route refuses anonymous users", async () => {
    const checked: string[] = [];
    for (const { method, path } of registeredRoutes(app)) {
      if (PUBLIC.has(`${method} ${path}`)) continue;
      const url = concretePath(path);
      const res = await app.request(url, { method, headers: { origin: ORIGIN } });
      if (method === "GET") {
        expect(res.status, `${method} ${url}`).toBe(302);
        expect(res.headers.get("location"), `${method} ${url}`).toMatch(/^\/login\?next=/);
        const htmx = await app.request(url, { headers: { "HX-Request": "true" } });
        expect(htmx.status, `htmx ${url}`).toBe(401);
      } else {
        expect(res.status, `${method} ${url}`).toBe(401);
      }
      checked.push(`${method} ${path}`);
    }
    expect(checked.length).toBeGreaterThan(8);
  });

  it.each(ROLE_MATRIX)("$method $path: allowed roles get in, the others get 403", async (r) => {
    for (const role of ROLES) {
      const { cookie } = await loginAs(t.db, role, role === "chef" ? ["FSK01"] : []);
      const res = await app.request(r.path, {
        method: r.method,
        headers: { cookie, origin: ORIGIN },
      });
      if (r.roles.includes(role)) expect(res.status, role).toBe(200);
      else expect(res.status, role).toBe(403);
    }
  });

  it("every admin route (GET and POST) refuses hr, ledning and chef with 403", async () => {
    const adminRoutes = registeredRoutes(app).filter((r) => r.path.startsWith("/admin"));
    expect(adminRoutes.length).toBeGreaterThan(5);
    for (const role of ["hr", "ledning", "chef"] as const) {
      const { cookie } = await loginAs(t.db, role, role === "chef" ? ["FSK01"] : []);
      for (const { method, path } of adminRoutes) {
        const res = await app.request(concretePath(path), {
          method,
          headers: { cookie, origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
          ...(method === "POST" ? { body: "role=admin" } : {}),
        });
        expect(res.status, `${role} ${method} ${path}`).toBe(403);
      }
    }
  });

  it("a chef of FSK01 gets nothing of FSK02 through any listed URL", async () => {
    expect(CHEF_SCOPE_URLS.some((c) => c.url === "/")).toBe(true);
    await expectChefSeesNothingOf(app, t.db);
  });

  it("the scope check itself catches a leak (a chef of both units sees FSK02)", async () => {
    await expect(
      expectChefSeesNothingOf(
        app,
        t.db,
        [{ url: "/", adminSees: false }],
        ["FSK01", "FSK02"],
        "FSK02",
      ),
    ).rejects.toThrow(/shows FSK02/);
  });

  it("a chef without units sees no figures at all", async () => {
    const { cookie } = await loginAs(t.db, "chef");
    const html = await (await app.request("/", { headers: { cookie } })).text();
    expect(html).not.toContain("Avdelningen för förskola");
    expect(html).not.toContain("förskoleenhet");
  });
});
