import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { units } from "../../db/schema";
import { createApp } from "../../src/app";
import { ALL_UNITS } from "../../src/auth/scope";
import { getCoverage } from "../../src/services/coverage";
import { seedDemoData } from "../../src/services/demo/seed";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";

describe("coverage pages", () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let ids: Record<string, number>;
  let ledning: string;
  let chef: string;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db, { today: "2026-11-25", withUsers: false });
    app = createApp({ db: t.db, now: () => new Date("2026-11-25T09:00:00Z") });
    const rows = await t.db
      .select({ id: units.id, code: units.code })
      .from(units)
      .where(inArray(units.code, ["FSK", "FSK01", "FSK02", "ALD"]));
    ids = Object.fromEntries(rows.map((r) => [r.code!, r.id]));
    ledning = (await loginAs(t.db, "ledning")).cookie;
    chef = (await loginAs(t.db, "chef", ["FSK01"])).cookie;
  });
  afterAll(() => t.cleanup());

  const get = (path: string, cookie?: string, headers: Record<string, string> = {}) =>
    app.request(path, { headers: cookie ? { cookie, ...headers } : headers });

  it.each(["/tackning", "/tackning/enhet/1", "/rapport/2025", "/tackning/export.csv"])(
    "%s sends anonymous visitors to the login form",
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toMatch(/^\/login\?next=/);
    },
  );

  it("renders the whole organisation as a full page with form, table and SVG charts", async () => {
    const res = await get("/tackning?datum=2025-12-31", ledning);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<form method="get" action="/tackning"');
    expect(html).toContain('hx-push-url="true"');
    expect(html).toContain("per 31 december 2025");
    expect(html.match(/<tr>\s*<th scope="row">/g)?.length).toBeGreaterThanOrEqual(6);
    expect(html).toContain('class="chart line-chart"');
    expect(html).toContain('class="chart bar-chart"');
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).toContain('href="/tackning"');
    const expected = await getCoverage(t.db, ALL_UNITS, { asOf: "2025-12-31" });
    expect(html).toContain(`<span class="figure-value">${expected.headcount}</span>`);
    expect(html).toContain(`<span class="figure-value">${expected.reached}</span>`);
  });

  it("gives htmx requests only the result fragment, and history restores the full page", async () => {
    const fragment = await (
      await get(`/tackning?enhet=${ids.FSK}`, ledning, { "HX-Request": "true" })
    ).text();
    expect(fragment.startsWith('<div id="coverage-result"')).toBe(true);
    expect(fragment).not.toContain("<html");
    expect(fragment).toContain("Bredängs förskoleenhet");
    expect(fragment).not.toContain("Hemtjänst");
    const restore = await (
      await get(`/tackning?enhet=${ids.FSK}`, ledning, {
        "HX-Request": "true",
        "HX-History-Restore-Request": "true",
      })
    ).text();
    expect(restore.startsWith("<!DOCTYPE html>")).toBe(true);
  });

  it("says so when the date is not a date, and shows today", async () => {
    const html = await (await get("/tackning?datum=2025-02-30", ledning)).text();
    expect(html).toContain("är inget datum");
    expect(html).toContain("per 25 november 2026");
  });

  it.each([
    ["/tackning?datum=9999-12-31"],
    ["/tackning?datum=1066-10-14"],
    ["/tackning/enhet/{FSK01}?datum=9999-12-31"],
    ["/tackning/export.csv?datum=9999-12-31"],
  ])("a real date outside the report years (%s) is a notice, not a 500", async (path) => {
    const res = await get(path.replace("{FSK01}", String(ids.FSK01)), ledning);
    expect(res.status).toBe(200);
    const body = await res.text();
    if (path.includes("export")) expect(body).toContain("2026-11-25");
    else expect(body).toContain("ligger utanför åren 1990–2100. Visar i stället i dag.");
  });

  it("lists a unit's staff with status, those who have not started first", async () => {
    const res = await get(`/tackning/enhet/${ids.FSK01}?datum=2025-12-31`, chef);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Personal: Bredängs förskoleenhet");
    const statuses = [...html.matchAll(/<span class="status status-(\w+)">/g)].map((m) => m[1]);
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses[0]).toBe("not_started");
    expect(statuses).toEqual([...statuses].sort((a, b) => order(a!) - order(b!)));
    const frag = await (
      await get(`/tackning/enhet/${ids.FSK01}`, chef, { "HX-Request": "true" })
    ).text();
    expect(frag.startsWith('<div id="staff-result"')).toBe(true);
  });

  describe("a chef of FSK01", () => {
    it("sees only their unit on the coverage page", async () => {
      const html = await (await get("/tackning", chef)).text();
      expect(html).toContain("Bredängs förskoleenhet");
      expect(html).not.toContain("Sätra förskoleenhet");
      expect(html).not.toContain("Avdelningen för förskola");
      expect(html).not.toContain("Hemtjänst");
    });

    it.each([
      ["another enhet", "FSK02"],
      ["their own avdelning", "FSK"],
      ["another avdelning", "ALD"],
    ])("gets 404 and no data for %s", async (_c, code) => {
      const id = ids[code]!;
      for (const path of [
        `/tackning?enhet=${id}`,
        `/tackning/enhet/${id}`,
        `/tackning/export.xlsx?enhet=${id}`,
        `/tackning/export.csv?enhet=${id}`,
        `/tackning/enhet/${id}/export.xlsx`,
        `/tackning/enhet/${id}/export.csv`,
      ]) {
        for (const headers of [{}, { "HX-Request": "true" }] as Record<string, string>[]) {
          const res = await get(path, chef, headers);
          expect(res.status, path).toBe(404);
          const body = await res.text();
          expect(body).not.toMatch(/figure-value|status-not_started|Anställda/);
        }
      }
    });

    it("gets 404 for ids that are not numbers or do not exist", async () => {
      expect((await get("/tackning?enhet=abc", chef)).status).toBe(404);
      expect((await get("/tackning/enhet/999999", ledning)).status).toBe(404);
    });
  });

  it("ledning may open any unit", async () => {
    const [row] = await t.db.select({ id: units.id }).from(units).where(eq(units.code, "FSK02"));
    expect((await get(`/tackning/enhet/${row!.id}`, ledning)).status).toBe(200);
  });

  it("shows the report menu entries", async () => {
    const html = await (await get("/tackning", chef)).text();
    expect(html).toContain('href="/tackning" aria-current="page"');
    expect(html).toContain('href="/rapport"');
  });
});

function order(status: string): number {
  return ["not_started", "started", "completed"].indexOf(status);
}
