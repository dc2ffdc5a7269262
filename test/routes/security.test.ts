import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { seedDemoData } from "../../src/services/demo/seed";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { ORIGIN } from "../helpers/http";

const form = "application/x-www-form-urlencoded";

describe("CSRF and security headers", () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db, { today: "2026-11-25", withUsers: false });
    app = createApp({
      db: t.db,
      allowedOrigins: ["https://genomford.example.se"],
      now: () => new Date("2026-11-25T09:00:00Z"),
    });
  });
  afterAll(() => t.cleanup());

  const post = (path: string, headers: Record<string, string>, body = "email=a@b.se&password=x") =>
    app.request(path, { method: "POST", body, headers });

  it.each([
    ["no Origin", { "content-type": form }],
    ["a foreign Origin", { "content-type": form, origin: "https://evil.example" }],
    ["a look-alike Origin", { "content-type": form, origin: "http://localhost.evil.example" }],
    ["Sec-Fetch-Site cross-site", { "content-type": form, "sec-fetch-site": "cross-site" }],
    ["a foreign JSON post", { "content-type": "application/json", origin: "https://evil.example" }],
    ["no content type", { origin: "null" }],
  ])("refuses a login post with %s: Swedish 403 page, nothing done", async (_, headers) => {
    const res = await post("/login", headers);
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain("Formuläret skickades inte från Genomförd");
    expect(html).toContain('lang="sv"');
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it("refuses a signed-in user's forged admin post (the session cookie does not help)", async () => {
    const { cookie } = await loginAs(t.db, "admin");
    const res = await post(
      "/admin/users",
      { "content-type": form, origin: "https://evil.example", cookie },
      "name=X&email=x@evil.example&role=admin",
    );
    expect(res.status).toBe(403);
    const again = await app.request("/admin/users", { headers: { cookie } });
    expect(await again.text()).not.toContain("x@evil.example");
  });

  it.each([
    ["its own origin", { origin: ORIGIN }],
    ["a configured public origin", { origin: "https://genomford.example.se" }],
    ["Sec-Fetch-Site same-origin", { "sec-fetch-site": "same-origin" }],
  ])("lets a post from %s through to the handler", async (_, headers) => {
    const res = await post("/login", { "content-type": form, ...headers });
    expect(res.status).toBe(401); // wrong password: the handler ran
  });

  it("sends a CSP without inline script or style, and the other security headers", async () => {
    const res = await app.request("/login");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("signed-in pages and fragments are not stored by browsers, proxies or htmx's history", async () => {
    const { cookie } = await loginAs(t.db, "chef", ["FSK01"]);
    const variants: Array<Record<string, string>> = [{ cookie }, { cookie, "HX-Request": "true" }];
    for (const headers of variants) {
      const res = await app.request("/tackning", { headers });
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
    }
    const html = await (await app.request("/", { headers: { cookie } })).text();
    expect(html).toContain("&quot;historyCacheSize&quot;:0");
  });

  it("renders pages without inline styles or scripts (the CSP would block them)", async () => {
    const { cookie } = await loginAs(t.db, "admin");
    const pages = ["/", "/admin/users", "/admin/users/new", "/admin/audit", "/password"];
    for (const path of pages) {
      const html = await (await app.request(path, { headers: { cookie } })).text();
      expect(html, path).not.toMatch(/\sstyle=/i);
      expect(html, path).not.toMatch(/<style/i);
      expect(html, path).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
      expect(html, path).not.toMatch(/\son[a-z]+=/i);
    }
    const login = await (await app.request("/login")).text();
    expect(login).toContain(
      'name="htmx-config" content="{&quot;includeIndicatorStyles&quot;:false,&quot;historyCacheSize&quot;:0}"',
    );
  });

  it("draws coverage bars with <meter>, not inline widths", async () => {
    const { cookie } = await loginAs(t.db, "ledning");
    const html = await (await app.request("/", { headers: { cookie } })).text();
    expect(html).toMatch(/<meter class="bar" min="0" max="100" value="\d+(\.\d+)?"/);
  });
});
