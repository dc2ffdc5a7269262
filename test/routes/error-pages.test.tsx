import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { seedDemoData } from "../../src/services/demo/seed";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";

describe("error pages keep the layout and speak Swedish", () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db, { today: "2026-11-25", withUsers: false });
    app = createApp({ db: t.db, now: () => new Date("2026-11-25T09:00:00Z") });
  });
  afterAll(() => t.cleanup());

  it("404 for an unknown path: layout, menu and a way back", async () => {
    const { cookie } = await loginAs(t.db, "hr");
    const res = await app.request("/finns-inte", { headers: { cookie } });
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("<title>Sidan hittades inte – Genomförd</title>");
    expect(html).toContain('aria-label="Huvudmeny"');
    expect(html).toContain('<a href="/imports">Importera</a>');
    expect(html).toContain('<a href="/">Till startsidan</a>');
  });

  it("403 for a page the role may not open: layout, the role's own menu", async () => {
    const { cookie } = await loginAs(t.db, "chef", ["FSK01"]);
    const res = await app.request("/admin/users", { headers: { cookie } });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain("<h1>Du har inte behörighet</h1>");
    expect(html).toContain('<a href="/tackning">Täckning</a>');
    expect(html).not.toContain('<a href="/admin/users">');
  });

  it("an htmx fragment carries its page title for htmx to put in the tab", async () => {
    const { cookie } = await loginAs(t.db, "ledning");
    const res = await app.request("/tackning", { headers: { cookie, "HX-Request": "true" } });
    const html = await res.text();
    expect(html).not.toContain("<html");
    expect(html).toMatch(/<title>Täckning – Genomförd<\/title>$/);
  });
});
