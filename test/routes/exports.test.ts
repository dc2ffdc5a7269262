import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { auditLog, people } from "../../db/schema";
import { createApp } from "../../src/app";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { insertSmallOrg, type SmallOrgIds } from "../helpers/small-org-db";

describe("exports (small organisation, as of 2025-12-31)", () => {
  let t: TestDb;
  let ids: SmallOrgIds;
  let app: ReturnType<typeof createApp>;
  let ledning: { cookie: string; userId: number };
  let chefA: string;
  beforeAll(async () => {
    t = await createTestDb();
    ids = await insertSmallOrg(t.db);
    // A name that Excel would run as a formula.
    await t.db
      .update(people)
      .set({ firstName: '=HYPERLINK("http://x")' })
      .where(eq(people.id, ids.people[7]!));
    app = createApp({ db: t.db, now: () => new Date("2026-02-01T09:00:00Z") });
    ledning = await loginAs(t.db, "ledning");
    chefA = (await loginAs(t.db, "chef", ["A"])).cookie;
  });
  afterAll(() => t.cleanup());

  const get = (path: string, cookie = ledning.cookie) => app.request(path, { headers: { cookie } });

  it("the unit table as xlsx opens in SheetJS with the expected cells", async () => {
    const res = await get(`/tackning/export.xlsx?enhet=${ids.units.root}&datum=2025-12-31`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(res.headers.get("content-disposition")).toContain(
      'filename="tackning-root-2025-12-31.xlsx"',
    );
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: "array" });
    expect(book.SheetNames).toEqual(["Täckning", "Om rapporten"]);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Täckning!, {
      header: 1,
      raw: false,
    });
    expect(rows).toEqual([
      [
        "Enhet",
        "Enhetskod",
        "Per datum",
        "Anställda",
        "Påbörjat eller genomfört",
        "Genomfört",
        "Ej påbörjat",
        "Andel nådda (%)",
      ],
      ["Förvaltningen totalt", "ROOT", "2025-12-31", "6", "4", "3", "2", "66.7"],
      ["Enhet A", "A", "2025-12-31", "3", "2", "2", "1", "66.7"],
      ["Enhet B", "B", "2025-12-31", "3", "2", "1", "1", "66.7"],
    ]);
    expect(book.Sheets.Täckning!.D2).toMatchObject({ t: "n", v: 6 });
  });

  it("the table of a unit without sub-units has its own row and the total", async () => {
    const res = await get(`/tackning/export.csv?enhet=${ids.units.A}&datum=2025-12-31`);
    expect((await res.text()).split("\r\n").slice(1)).toEqual([
      "Enhet A totalt;A;2025-12-31;3;2;2;1;66,7",
      "Enhet A;A;2025-12-31;3;2;2;1;66,7",
      "",
    ]);
  });

  it("the staff list as xlsx has status and dates, and a formula-like name as plain text", async () => {
    const res = await get(`/tackning/enhet/${ids.units.B}/export.xlsx?datum=2025-12-31`);
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: "array" });
    const sheet = book.Sheets.Personal!;
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, defval: "", raw: false });
    expect(rows[0]).toEqual([
      "Namn",
      "Anställningsnummer",
      "E-post",
      "Enhet",
      "Befattning",
      "Status",
      "Påbörjad datum",
      "Genomförd datum",
      "Per datum",
    ]);
    expect(rows.slice(1).map((r) => [r[1], r[5], r[6], r[7]])).toEqual([
      ["S8", "Ej påbörjad", "", ""],
      ["S6", "Påbörjad", "2025-12-31", ""],
      ["S5", "Genomförd", "2024-05-05", "2025-10-01"],
    ]);
    // A string cell is never run as a formula, so no apostrophe is stored in .xlsx.
    expect(sheet.A2).toMatchObject({ t: "s" });
    expect(String(sheet.A2!.v)).toMatch(/^=HYPERLINK\("http:\/\/x"\) /);
    expect(sheet.A2!.f).toBeUndefined();
  });

  it("CSV for Swedish Excel: BOM, semicolons, CRLF, decimal comma", async () => {
    const res = await get(`/tackning/export.csv?enhet=${ids.units.root}&datum=2025-12-31`);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text).toBe(
      "Enhet;Enhetskod;Per datum;Anställda;Påbörjat eller genomfört;Genomfört;Ej påbörjat;Andel nådda (%)\r\n" +
        "Förvaltningen totalt;ROOT;2025-12-31;6;4;3;2;66,7\r\n" +
        "Enhet A;A;2025-12-31;3;2;2;1;66,7\r\n" +
        "Enhet B;B;2025-12-31;3;2;1;1;66,7\r\n",
    );
    const staff = await (
      await get(`/tackning/enhet/${ids.units.B}/export.csv?datum=2025-12-31`)
    ).text();
    expect(staff).toContain(`"'=HYPERLINK(""http://x"")`);
  });

  it("the annual report as xlsx: total first, then units, with the change since last year", async () => {
    const res = await get(`/rapport/2025/export.xlsx?enhet=${ids.units.root}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(
      'filename="arsrapport-2025-root.xlsx"',
    );
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: "array" });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, {
      header: 1,
      raw: false,
    });
    expect(rows[0]).toEqual([
      "Enhet",
      "Enhetskod",
      "Per datum",
      "Anställda",
      "Påbörjat eller genomfört",
      "Genomfört",
      "Nådda under året",
      "Fördjupade utbildningar (personer)",
      "Andel nådda (%)",
      "Förändring nådda mot 2024",
    ]);
    // 2024: Eva had started (1 reached, in A); see test/fixtures/small-org.ts.
    expect(rows.slice(1)).toEqual([
      ["Förvaltningen totalt", "ROOT", "2025-12-31", "6", "4", "3", "3", "2", "66.7", "3"],
      ["Enhet A", "A", "2025-12-31", "3", "2", "2", "2", "2", "66.7", "1"],
      ["Enhet B", "B", "2025-12-31", "3", "2", "1", "1", "0", "66.7", "2"],
    ]);
    expect((await get(`/rapport/2025/export.csv?enhet=${ids.units.B}`, chefA)).status).toBe(404);
    expect((await get("/rapport/20x5/export.csv")).status).toBe(404);
  });

  it("accepts exactly the years the annual report page accepts", async () => {
    for (const year of ["1800", "1989", "2101", "0000", "99999"]) {
      expect((await get(`/rapport/${year}`)).status, `/rapport/${year}`).toBe(404);
      expect((await get(`/rapport/${year}/export.csv`)).status, `${year} export`).toBe(404);
    }
    for (const year of ["1990", "2100"]) expect((await get(`/rapport/${year}`)).status).toBe(200);
    expect((await get("/rapport/1990/export.csv")).status).toBe(200);
    // 2100 is a valid year that has not begun: no report to export yet, said in Swedish.
    const future = await get("/rapport/2100/export.csv");
    expect(future.status).toBe(404);
    expect(await future.text()).toContain("Året 2100 har inte börjat än");
  });

  it("audits every export", async () => {
    const before = (await t.db.select().from(auditLog).where(eq(auditLog.action, "export"))).length;
    await get(`/tackning/export.csv?datum=2025-12-31`);
    const log = await t.db.select().from(auditLog).where(eq(auditLog.action, "export"));
    expect(log).toHaveLength(before + 1);
    expect(log.at(-1)).toMatchObject({
      userId: ledning.userId,
      target: "tackning-alla-2025-12-31.csv",
      detail: { kind: "coverage", format: "csv", unit: null, asOf: "2025-12-31", rows: 2 },
    });
  });

  it("a chef of A exports A but gets 404 for B or the whole förvaltning", async () => {
    const own = await get(`/tackning/enhet/${ids.units.A}/export.csv?datum=2025-12-31`, chefA);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain("Anna");
    const all = await (await get("/tackning/export.csv?datum=2025-12-31", chefA)).text();
    expect(all).toContain("Enhet A;A;");
    expect(all).not.toContain("Enhet B");
    for (const path of [
      `/tackning/enhet/${ids.units.B}/export.csv`,
      `/tackning/enhet/${ids.units.B}/export.xlsx`,
      `/tackning/export.xlsx?enhet=${ids.units.B}`,
      `/tackning/export.csv?enhet=${ids.units.root}`,
    ]) {
      expect((await get(path, chefA)).status, path).toBe(404);
    }
  });
});
