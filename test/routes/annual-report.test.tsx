import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annualReports, auditLog, completions } from "../../db/schema";
import { createApp } from "../../src/app";
import { SMALL_EXPECTED } from "../fixtures/small-org";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { insertSmallOrg, type SmallOrgIds } from "../helpers/small-org-db";

const ORIGIN = { origin: "http://localhost" };

describe("annual report pages (small organisation)", () => {
  let t: TestDb;
  let ids: SmallOrgIds;
  let app: ReturnType<typeof createApp>;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestDb();
    ids = await insertSmallOrg(t.db);
    app = createApp({ db: t.db, now: () => new Date("2026-02-01T09:00:00Z") });
    for (const role of ["ledning", "admin", "hr"] as const)
      cookies[role] = (await loginAs(t.db, role)).cookie;
    cookies.chef = (await loginAs(t.db, "chef", ["A"])).cookie;
  });
  afterAll(() => t.cleanup());

  const get = (path: string, cookie: string) => app.request(path, { headers: { cookie } });
  /** The confirmation's POST (bekrafta=ja, plus the figures it showed when given). */
  const lock = (
    year: number,
    cookie: string,
    fields: Record<string, string> = { bekrafta: "ja" },
  ) =>
    app.request(`/rapport/${year}/las`, {
      method: "POST",
      headers: { cookie, ...ORIGIN },
      body: new URLSearchParams(fields),
    });

  it("/rapport goes to last year's report", async () => {
    const res = await get("/rapport", cookies.ledning!);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/rapport/2025");
  });

  it("shows the sentence, figures with the difference to last year, and the lock link", async () => {
    const html = await (await get("/rapport/2025", cookies.ledning!)).text();
    expect(html).toContain(SMALL_EXPECTED[2025].sentence);
    expect(html).toContain("Förvaltningen");
    expect(html).toContain("+3 mot 2024"); // reached: 1 → 4
    expect(html).toContain("per 31 december 2025");
    expect(html).toContain('href="/rapport/2025/las"');
    expect(html).toMatch(/<th scope="col" class="num">\s*Förändring nådda mot 2024\s*<\/th>/);
    expect(html).toContain("Personaldata per");
    expect(html).not.toMatch(/\sstyle=/);
  });

  it("asks for confirmation, showing what will be locked; a POST without it locks nothing", async () => {
    const html = await (await get("/rapport/2025/las", cookies.ledning!)).text();
    expect(html).toContain("Lås årsrapporten 2025?");
    expect(html).toContain(SMALL_EXPECTED[2025].sentence);
    expect(html).toContain("kan inte ändras eller låsas upp");
    expect(html).toContain('name="bekrafta" value="ja"');
    expect(html).toContain('name="nadda" value="4"');
    const unconfirmed = await lock(2025, cookies.ledning!, {});
    expect(unconfirmed.status).toBe(303);
    expect(unconfirmed.headers.get("location")).toBe("/rapport/2025/las");
    // Figures that changed after the confirmation was shown are not locked silently.
    const stale = await lock(2025, cookies.ledning!, {
      bekrafta: "ja",
      anstallda: "6",
      nadda: "3",
    });
    expect(stale.headers.get("location")).toBe("/rapport/2025?meddelande=changed");
    expect(await t.db.select().from(annualReports)).toHaveLength(0);
    expect((await get("/rapport/2025/las", cookies.chef!)).status).toBe(403);
  });

  it("a year in progress is preliminary as of today; a year not begun has no figures", async () => {
    const html = await (await get("/rapport/2026", cookies.ledning!)).text();
    expect(html).not.toContain('href="/rapport/2026/las"');
    expect(html).toContain("preliminärt per 2026-02-01");
    expect(html).not.toContain("per 31 december 2026");
    expect(html).toContain("Året pågår");
    expect((await lock(2026, cookies.ledning!)).headers.get("location")).toBe(
      "/rapport/2026?meddelande=future_year",
    );
    const next = await (await get("/rapport/2027", cookies.ledning!)).text();
    expect(next).toContain("Året 2027 har inte börjat än");
    expect(next).not.toContain("Anställda 31 dec");
    expect(next).not.toContain("export.csv");
  });

  it("offers no lock for a year without data", async () => {
    const html = await (await get("/rapport/1999", cookies.ledning!)).text();
    expect(html).toContain("det finns inget att låsa");
    expect(html).not.toContain('href="/rapport/1999/las"');
    expect((await get("/rapport/1999/las", cookies.ledning!)).headers.get("location")).toBe(
      "/rapport/1999?meddelande=no_data",
    );
    expect((await lock(1999, cookies.ledning!)).headers.get("location")).toBe(
      "/rapport/1999?meddelande=no_data",
    );
    expect(await t.db.select().from(annualReports)).toHaveLength(0);
  });

  it("the coverage page counts deepened attendance per unit and year", async () => {
    const html = await (
      await get(`/tackning?enhet=${ids.units.root}&datum=2025-12-31`, cookies.ledning!)
    ).text();
    const table = html.slice(html.indexOf('<table class="deepened-table">'));
    const cells = (label: string) =>
      [...table.slice(table.indexOf(`>${label}</th>`)).matchAll(/<td class="num">(\d+)<\/td>/g)]
        .slice(0, 2)
        .map((m) => Number(m[1]));
    expect(table).toMatch(
      /<th scope="col" class="num">2024<\/th>\s*<th scope="col" class="num">2025<\/th>/,
    );
    expect(cells("Förvaltningen totalt")).toEqual([1, 2]);
    expect(cells("Enhet A")).toEqual([1, 2]);
    expect(cells("Enhet B")).toEqual([0, 0]);
  });

  it("drills down to a unit's annual report; a chef cannot open another unit's", async () => {
    const html = await (
      await get(`/rapport/2025?enhet=${ids.units.root}`, cookies.ledning!)
    ).text();
    expect(html).toContain("Årsrapport 2025: Förvaltningen");
    expect(html).toContain(`href="/rapport/2025?enhet=${ids.units.A}"`);
    expect(html).not.toContain("/las"); // the lock belongs to the unfiltered report
    const a = await (await get(`/rapport/2025?enhet=${ids.units.A}`, cookies.chef!)).text();
    expect(a).toContain("Årsrapport 2025: Enhet A");
    for (const id of [ids.units.B, ids.units.root]) {
      const res = await get(`/rapport/2025?enhet=${id}`, cookies.chef!);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("Anställda 31 dec");
    }
  });

  it.each(["1899", "abc", "20255"])("answers /rapport/%s with 404", async (year) => {
    expect((await get(`/rapport/${year}`, cookies.ledning!)).status).toBe(404);
  });

  it("a chef sees their unit's figures only and cannot lock", async () => {
    const html = await (await get("/rapport/2025", cookies.chef!)).text();
    expect(html).toContain("Enhet A");
    expect(html).not.toContain("Enhet B");
    expect(html).not.toContain("Förvaltningen");
    expect(html).not.toContain("/las");
    expect((await lock(2025, cookies.chef!)).status).toBe(403);
    expect((await lock(2025, cookies.hr!)).status).toBe(403);
    expect(await t.db.select().from(annualReports)).toHaveLength(0);
  });

  it("ledning locks; the locked figure survives a later correction and shows the difference", async () => {
    const res = await lock(2025, cookies.ledning!, { bekrafta: "ja", anstallda: "6", nadda: "4" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/rapport/2025?meddelande=locked");
    let html = await (await get("/rapport/2025?meddelande=locked", cookies.ledning!)).text();
    expect(html).toContain("Årsrapporten är låst.");
    expect(html).toMatch(/Låst 2026-02-01 av [^.]+\. Siffrorna på sidan är de låsta/);
    expect(html).toContain("Beräknat på dagens data blir siffrorna desamma som de låsta.");
    expect(html).not.toContain('href="/rapport/2025/las"');

    // A correction arrives later: Bo completed in June 2025 after all.
    await t.db.insert(completions).values({
      personId: ids.people[1]!,
      courseId: "vbe-webb",
      kind: "completed",
      date: "2025-06-01",
    });
    html = await (await get("/rapport/2025", cookies.ledning!)).text();
    expect(html).toContain(SMALL_EXPECTED[2025].sentence);
    // The cards and the per-unit table keep the locked 4; only "Beräknat nu" has the 5.
    const [top, recomputed] = html.split('id="recomputed-heading"');
    expect(top).toMatch(
      /figure-value">4<\/span><span class="figure-label">Påbörjat eller genomfört/,
    );
    expect(top).not.toMatch(/figure-value">5</);
    expect(top).toMatch(
      /Förvaltningen<\/a><\/th>\s*<td class="num">6<\/td>\s*<td class="num">4<\/td>/,
    );
    expect(recomputed).toContain("Data har ändrats sedan låsningen");
    expect(recomputed).toMatch(
      /Påbörjat eller genomfört<\/th>\s*<td class="num">4<\/td>\s*<td class="num">5<\/td>\s*<td class="num">\+1<\/td>/,
    );
    expect(recomputed).toContain("Enheter där siffrorna har ändrats");

    // A unit's report of the locked year shows its locked figures too (A: reached 2, now 3).
    const unitA = await (await get(`/rapport/2025?enhet=${ids.units.A}`, cookies.chef!)).text();
    expect(unitA).toMatch(/Låst 2026-02-01 av [^.]+\. Siffrorna för Enhet A på sidan är de låsta/);
    expect(unitA.split('id="recomputed-heading"')[0]).toMatch(
      /figure-value">2<\/span><span class="figure-label">Påbörjat eller genomfört/,
    );
    expect(unitA).not.toContain(SMALL_EXPECTED[2025].sentence);

    // The exports carry the locked figures, the sentence, the lock and the as-of date.
    const csv = await (await get("/rapport/2025/export.csv", cookies.ledning!)).text();
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[1]).toMatch(/^Totalt;;2025-12-31;6;4;/);
    expect(csv).toContain(`Mening;${SMALL_EXPECTED[2025].sentence}`);
    expect(csv).toMatch(/Låst;Låst 2026-02-01 av [^;\r]+\. Siffrorna ovan är de låsta\./);
    expect(csv).toContain("Per datum;2025-12-31");
    expect(csv).toMatch(/Beräknat nu;Totalt har 5 medarbetare/);

    expect((await lock(2025, cookies.admin!)).headers.get("location")).toBe(
      "/rapport/2025?meddelande=already_locked",
    );
    const [stored] = await t.db.select().from(annualReports).where(eq(annualReports.year, 2025));
    expect(stored!.figures).toMatchObject(SMALL_EXPECTED[2025].total);
    expect(
      await t.db.select().from(auditLog).where(eq(auditLog.action, "report.locked")),
    ).toHaveLength(1);
  });

  it("the chef sees their own units' locked figures, never the organisation's", async () => {
    const html = await (await get("/rapport/2025", cookies.chef!)).text();
    expect(html).not.toContain(SMALL_EXPECTED[2025].sentence);
    expect(html).not.toContain("Rapporten är inte låst");
    expect(html.split('id="recomputed-heading"')[0]).toMatch(
      /figure-value">2<\/span><span class="figure-label">Påbörjat eller genomfört/,
    );
    expect(html).not.toContain("Förvaltningen");
  });
});
