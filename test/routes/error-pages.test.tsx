import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { audit } from "../../src/services/audit";
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

  it("an htmx fragment carries its page title for app.js to put in the tab", async () => {
    const { cookie } = await loginAs(t.db, "ledning");
    const res = await app.request("/tackning", { headers: { cookie, "HX-Request": "true" } });
    expect(await res.text()).not.toContain("<html");
    expect(decodeURIComponent(res.headers.get("X-Page-Title") ?? "")).toBe("Täckning – Genomförd");
  });

  it.each([
    "/admin/audit?page=tre",
    "/admin/audit?page=0",
    "/tackning?datum=2025-12-31&datum=2024-12-31",
    "/tackning/export.csv?enhet=1&enhet=2",
    "/admin/integritet/atkomst?anstnr=1&anstnr=2",
  ])("%s is a Swedish 400 page, not zod's JSON", async (path) => {
    const { cookie } = await loginAs(t.db, "admin");
    const res = await app.request(path, { headers: { cookie } });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("<h1>Felaktig adress eller uppgift</h1>");
    expect(html).toContain("inte går att läsa");
    expect(html).toContain('aria-label="Huvudmeny"');
    expect(html).not.toMatch(/ZodError|"success"|invalid_type/);
  });

  it("the audit log reads in Swedish: Stockholm time, event names, details without checksums", async () => {
    const { cookie, userId } = await loginAs(t.db, "admin");
    await audit(t.db, {
      userId,
      action: "import.applied",
      target: "import:7",
      detail: { kind: "staff", fileName: "personal.xlsx", sha256: "deadbeefcafe", rows: 3 },
      at: new Date("2026-07-01T10:05:00Z"),
    });
    const html = await (await app.request("/admin/audit", { headers: { cookie } })).text();
    expect(html).toContain("2026-07-01 12:05"); // summer time: UTC+2
    expect(html).toContain('<td data-label="Händelse">Import sparad</td>');
    expect(html).toContain("Import nr 7");
    expect(html).toContain("fil: personal.xlsx");
    expect(html).toContain("rader: 3");
    expect(html).not.toContain("deadbeefcafe");
    expect(html.slice(html.indexOf("<main"))).not.toContain("{&quot;");
    expect(html).toContain('<option value="import.applied">Import sparad</option>');
  });
});
