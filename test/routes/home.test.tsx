import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { seedDemoData } from "../../src/services/demo/seed";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";

describe("start page", () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db, { today: "2026-11-25", withUsers: false });
    app = createApp({ db: t.db, now: () => new Date("2026-11-25T09:00:00Z") });
  });
  afterAll(() => t.cleanup());

  it("sends anonymous visitors to the login form and back", async () => {
    const res = await app.request("/?x=1");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?next=%2F%3Fx%3D1");
  });

  it("shows today's coverage of the demo data in Swedish", async () => {
    const { cookie } = await loginAs(t.db, "ledning");
    const res = await app.request("/", { headers: { cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('lang="sv"');
    expect(html).toContain("per 25 november 2026");
    expect(html).toContain("Avdelningen för förskola");
    expect(html).toContain('src="/static/vendor/htmx.min.js"');
    expect(html).not.toMatch(/https?:\/\/(cdn|unpkg|jsdelivr)/);
  });

  it("shows a chef only their own unit", async () => {
    const { cookie } = await loginAs(t.db, "chef", ["FSK01"]);
    const html = await (await app.request("/", { headers: { cookie } })).text();
    expect(html).toContain("Bredängs förskoleenhet");
    expect(html).not.toContain("Avdelningen för förskola");
    expect(html).not.toContain("Sätra förskoleenhet");
  });

  it("answers unknown paths with a Swedish 404 page (signed in; anonymous go to the login)", async () => {
    expect((await app.request("/finns-inte")).status).toBe(302);
    const { cookie } = await loginAs(t.db, "hr");
    const res = await app.request("/finns-inte", { headers: { cookie } });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Sidan finns inte.");
  });

  it("gives htmx requests a fragment, not a page", async () => {
    const { cookie } = await loginAs(t.db, "hr");
    const res = await app.request("/finns-inte", { headers: { "HX-Request": "true", cookie } });
    expect(await res.text()).toBe('<p class="notice error">Sidan finns inte.</p>');
  });
});
