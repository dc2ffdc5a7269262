/** The course selector on /tackning: the URL keeps it, the fragment and the exports follow it. */
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { employments, exemptions, requirementRules, units } from "../../db/schema";
import { createApp } from "../../src/app";
import { ALL_UNITS } from "../../src/auth/scope";
import { getCoverage } from "../../src/services/coverage";
import { seedDemoData } from "../../src/services/demo/seed";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";

describe("coverage pages per course", () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let ids: Record<string, number>;
  let ledning: string;
  let chef: string;
  const asOf = "2026-11-25";
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db, { today: asOf, withUsers: false });
    app = createApp({ db: t.db, now: () => new Date("2026-11-25T09:00:00Z") });
    const rows = await t.db
      .select({ id: units.id, code: units.code })
      .from(units)
      .where(inArray(units.code, ["FSK", "FSK01", "ALD"]));
    ids = Object.fromEntries(rows.map((r) => [r.code!, r.id]));
    // The deepened course: everyone in förskola, within 60 days of starting there.
    await t.db
      .insert(requirementRules)
      .values({ courseId: "vbe-fordjupning", unitId: ids.FSK!, daysAfterStart: 60 });
    const [someone] = await t.db
      .select({ personId: employments.personId })
      .from(employments)
      .where(eq(employments.unitId, ids.FSK01!))
      .limit(1);
    await t.db.insert(exemptions).values({
      personId: someone!.personId,
      courseId: "vbe-fordjupning",
      fromDate: "2026-01-01",
      toDate: null,
      reason: "Föräldraledighet",
    });
    ledning = (await loginAs(t.db, "ledning")).cookie;
    chef = (await loginAs(t.db, "chef", ["FSK01"])).cookie;
  });
  afterAll(() => t.cleanup());

  const get = (path: string, cookie: string, headers: Record<string, string> = {}) =>
    app.request(path, { headers: { cookie, ...headers } });

  it("defaults to the mandatory course, selected, with today's columns only", async () => {
    const html = await (await get(`/tackning?datum=${asOf}`, ledning)).text();
    expect(html).toMatch(/<option value="vbe-webb" selected="">/);
    expect(html).toContain('<label for="kurs">Kurs</label>');
    expect(html).not.toContain("Försenade");
    expect(html).not.toContain("kurs=");
  });

  it("shows the deepened course within its target group, and every link keeps the course", async () => {
    const res = await get(`/tackning?kurs=vbe-fordjupning&enhet=${ids.FSK}&datum=${asOf}`, ledning);
    expect(res.status).toBe(200);
    const html = await res.text();
    const unit = { id: ids.FSK!, code: "FSK", name: "", path: "" };
    const [u] = await t.db.select().from(units).where(eq(units.id, ids.FSK!));
    const expected = await getCoverage(t.db, ALL_UNITS, {
      asOf,
      courseId: "vbe-fordjupning",
      unit: { ...unit, name: u!.name, path: u!.path },
    });
    expect(expected.headcount).toBeGreaterThan(50);
    expect(expected.exempt).toBe(1);
    expect(html).toMatch(/<option value="vbe-fordjupning" selected="">/);
    expect(html).toContain(`<span class="figure-value">${expected.headcount}</span>`);
    expect(html).toContain("I målgruppen");
    expect(html).toContain("Försenade");
    expect(html).toContain("Undantagna och inte medräknade: 1 – Föräldraledighet 1.");
    expect(html).toContain(
      `/tackning/export.xlsx?enhet=${ids.FSK}&amp;datum=${asOf}&amp;kurs=vbe-fordjupning`,
    );
    expect(html).toContain(
      `/tackning?enhet=${ids.FSK01}&amp;datum=${asOf}&amp;kurs=vbe-fordjupning`,
    );
    expect(html).toContain(`/tackning/enhet/${ids.FSK01}?datum=${asOf}&amp;kurs=vbe-fordjupning`);
  });

  it("the htmx fragment follows the course", async () => {
    const res = await get(`/tackning?kurs=vbe-fordjupning&datum=${asOf}`, ledning, {
      "HX-Request": "true",
    });
    const html = await res.text();
    expect(html.startsWith('<div id="coverage-result">')).toBe(true);
    expect(html).toContain("Fördjupad utbildning om våldsbejakande extremism, per");
    expect(html).toContain("Försenade");
  });

  it("a course without rules says nobody is in its target group", async () => {
    const html = await (
      await get(`/tackning?kurs=otillaten-paverkan&datum=${asOf}`, ledning)
    ).text();
    expect(html).toContain("Kursen har ingen målgrupp ännu");
  });

  it("an unknown course is a notice and shows the mandatory course", async () => {
    const res = await get(`/tackning?kurs=simkurs&datum=${asOf}`, ledning);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Kursen ”simkurs” finns inte i katalogen.");
    expect(html).toMatch(/<option value="vbe-webb" selected="">/);
  });

  it("the export follows the course: target-group columns and figures", async () => {
    const res = await get(
      `/tackning/export.csv?kurs=vbe-fordjupning&enhet=${ids.FSK}&datum=${asOf}`,
      ledning,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("tackning-vbe-fordjupning-fsk-");
    const lines = (await res.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(
      "Enhet;Enhetskod;Per datum;I målgruppen;Påbörjat eller genomfört;Genomfört;Ej påbörjat;Andel nådda (%);Försenade;Undantagna",
    );
    expect(lines[1]).toMatch(/;1$/);
    const plain = await get(`/tackning/export.csv?enhet=${ids.FSK}&datum=${asOf}`, ledning);
    expect((await plain.text()).split("\r\n")[0]).not.toContain("Försenade");
  });

  it("the annual report has a section per deepened course, counted within its target group", async () => {
    const html = await (await get("/rapport/2026", ledning)).text();
    const [u] = await t.db.select().from(units).where(eq(units.id, ids.FSK!));
    const group = await getCoverage(t.db, ALL_UNITS, {
      asOf: "2026-12-31",
      courseId: "vbe-fordjupning",
    });
    expect(group.headcount).toBeGreaterThan(0);
    expect(u).toBeDefined();
    expect(html).toContain('<h2 id="deepened-courses-heading">Fördjupade utbildningar</h2>');
    expect(html).toContain(
      `${group.completed} av ${group.headcount} i målgruppen har gått Fördjupad utbildning om våldsbejakande extremism.`,
    );
    expect(html).toContain("Otillåten påverkan under 2026. Kursen har ingen målgrupp.");
  });

  it("the staff list for the course: overdue first, said in words, with the exemption", async () => {
    const res = await get(`/tackning/enhet/${ids.FSK01}?kurs=vbe-fordjupning&datum=${asOf}`, chef);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<th scope="col">Krav</th>');
    expect(html).toContain('<input type="hidden" name="kurs" value="vbe-fordjupning"/>');
    const cells = [...html.matchAll(/<td class="requirement[^"]*">(.*?)<\/td>/gs)].map(
      (m) => m[1]!,
    );
    expect(cells.length).toBeGreaterThan(5);
    const overdue = cells.filter((c) => c.includes("<strong>Försenad</strong>"));
    expect(overdue.length).toBeGreaterThan(0);
    // Every overdue row comes before every other row.
    expect(cells.slice(0, overdue.length)).toEqual(overdue);
    expect(cells.some((c) => c === "Undantagen: Föräldraledighet")).toBe(true);
    expect(html).toContain(
      `/tackning/enhet/${ids.FSK01}/export.csv?datum=${asOf}&amp;kurs=vbe-fordjupning`,
    );
    // The export keeps the page's order: the overdue people first there too.
    const names = [...html.matchAll(/<th scope="row"><a [^>]*>(.*?)<\/a>/g)].map((m) => m[1]!);
    const csv = await (
      await get(`/tackning/enhet/${ids.FSK01}/export.csv?datum=${asOf}&kurs=vbe-fordjupning`, chef)
    ).text();
    const exported = csv
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .slice(1, names.length + 1)
      .map((line) => line.split(";")[0]);
    expect(names.length).toBeGreaterThan(5);
    expect(exported).toEqual(names);
    // The mandatory course (everyone, nobody exempt) keeps today's list: no Krav column.
    const plain = await (await get(`/tackning/enhet/${ids.FSK01}?datum=${asOf}`, chef)).text();
    expect(plain).not.toContain("Krav</th>");
  });

  it("a chef still sees only their own units, whatever the course", async () => {
    const res = await get(`/tackning?kurs=vbe-fordjupning&enhet=${ids.ALD}`, chef);
    expect(res.status).toBe(404);
  });
});
