/**
 * Every .xlsx export read back with SheetJS (issue 17): dates are date cells formatted
 * yyyy-mm-dd, counts are numbers, ids are strings, missing values are no cell at all — and
 * each cell says exactly what the CSV export of the same URL says. Plus the workbook's
 * furniture: bold frozen header, autofilter, fitted widths, and the "Om rapporten" sheet.
 */
import { eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { people } from "../../db/schema";
import { createApp } from "../../src/app";
import { lockAnnualReport } from "../../src/services/lock-report";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { insertSmallOrg, type SmallOrgIds } from "../helpers/small-org-db";

const DATES = new Set(["Per datum", "Påbörjad datum", "Genomförd datum"]);
const IDS = new Set(["Anställningsnummer", "Enhetskod"]);
const TEXTS = new Set(["Enhet", "Namn", "E-post", "Befattning", "Status"]);

/** Day number → ISO date, independent of SheetJS's own date handling. */
function isoOf(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

/** A CSV field as the value the .xlsx cell must hold (CSV escapes formulas, .xlsx need not). */
function expectedValue(field: string, header: string): string | number | undefined {
  if (field === "") return undefined;
  const text = field
    .replace(/^"|"$/g, "")
    .replace(/""/g, '"')
    .replace(/^'(?=[=+\-@])/, "");
  if (DATES.has(header) || IDS.has(header) || TEXTS.has(header)) return text;
  return Number(text.replace(",", "."));
}

describe("every .xlsx export round-trips through SheetJS with typed cells", () => {
  let t: TestDb;
  let ids: SmallOrgIds;
  let app: ReturnType<typeof createApp>;
  let cookie: string;
  const urls = () => [
    `/tackning/export.xlsx?datum=2025-12-31`,
    `/tackning/export.xlsx?enhet=${ids.units.root}&datum=2025-12-31`,
    `/tackning/export.xlsx?enhet=${ids.units.A}&datum=2025-12-31`,
    `/tackning/enhet/${ids.units.A}/export.xlsx?datum=2025-12-31`,
    `/tackning/enhet/${ids.units.B}/export.xlsx?datum=2025-12-31`,
    `/rapport/2025/export.xlsx`,
    `/rapport/2025/export.xlsx?enhet=${ids.units.root}`,
    `/rapport/2025/export.xlsx?enhet=${ids.units.B}`,
  ];

  beforeAll(async () => {
    t = await createTestDb();
    ids = await insertSmallOrg(t.db);
    await t.db
      .update(people)
      .set({ firstName: '=HYPERLINK("http://x")' })
      .where(eq(people.id, ids.people[7]!));
    // Leading zeros that a number cell would lose.
    await t.db.update(people).set({ employeeNo: "000123" }).where(eq(people.id, ids.people[0]!));
    app = createApp({ db: t.db, now: () => new Date("2026-02-01T09:00:00Z") });
    cookie = (await loginAs(t.db, "ledning")).cookie;
  });
  afterAll(() => t.cleanup());

  const get = (path: string) => app.request(path, { headers: { cookie } });

  async function workbook(url: string) {
    const res = await get(url);
    expect(res.status, url).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const book = XLSX.read(bytes, { type: "array", cellNF: true, cellDates: false });
    const csv = await (await get(url.replace("export.xlsx", "export.csv"))).text();
    return { bytes, book, csv };
  }

  it("has the cells of the CSV export, typed by column, with blanks left blank", async () => {
    let dates = 0;
    let blanks = 0;
    for (const url of urls()) {
      const { book, csv } = await workbook(url);
      const sheet = book.Sheets[book.SheetNames[0]!]!;
      // The annual CSV ends with notes (as-of, sentence, lock) after a blank line; the
      // table above it is what the sheet holds.
      const lines = csv
        .replace(/^\uFEFF/, "")
        .split("\r\n\r\n")[0]!
        .trimEnd()
        .split("\r\n");
      const header = lines[0]!.split(";");
      expect(XLSX.utils.decode_range(sheet["!ref"]!).e.r + 1, url).toBe(lines.length);
      for (const [r, line] of lines.entries()) {
        // No field in the small organisation holds a quoted ";", so a plain split is exact.
        for (const [c, field] of line.split(";").entries()) {
          const cell = sheet[XLSX.utils.encode_cell({ r, c })];
          const where = `${url} ${XLSX.utils.encode_cell({ r, c })}`;
          const want = r === 0 ? header[c] : expectedValue(field, header[c]!);
          if (want === undefined) {
            blanks++;
            expect(cell, where).toBeUndefined();
          } else if (r > 0 && DATES.has(header[c]!)) {
            dates++;
            expect(cell, where).toMatchObject({ t: "n", z: "yyyy-mm-dd" });
            expect(isoOf(cell!.v as number), where).toBe(want);
          } else {
            expect(cell, where).toMatchObject({ t: typeof want === "number" ? "n" : "s", v: want });
            expect(cell?.f, where).toBeUndefined();
          }
        }
      }
    }
    // The staff lists have people without a start or completion date.
    expect(blanks).toBeGreaterThan(0);
    expect(dates).toBeGreaterThan(20);
  });

  it("keeps identifiers as text and shows a formula-like name as written", async () => {
    const { book } = await workbook(`/tackning/enhet/${ids.units.A}/export.xlsx?datum=2025-12-31`);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets.Personal!);
    expect(rows.map((r) => r.Anställningsnummer)).toContain("000123");
    const b = await workbook(`/tackning/enhet/${ids.units.B}/export.xlsx?datum=2025-12-31`);
    expect(b.book.Sheets.Personal!.A2).toMatchObject({ t: "s", v: expect.stringMatching(/^=HYP/) });
    expect(b.csv).toContain(`"'=HYPERLINK(""http://x"")`);
  });

  it("has a bold, frozen header row with an autofilter and widths fitted to the content", async () => {
    const { bytes } = await workbook(`/tackning/enhet/${ids.units.B}/export.xlsx?datum=2025-12-31`);
    const sheet = XLSX.read(bytes, { type: "array", cellStyles: true }).Sheets.Personal!;
    expect(sheet["!autofilter"]).toEqual({ ref: "A1:I4" });
    const widths = (sheet["!cols"] ?? []).map((c) => c.wch ?? c.width);
    expect(widths).toHaveLength(9);
    // "Anställningsnummer" (18) plus the filter button is wider than an ISO date column.
    expect(widths[1]).toBeGreaterThan(widths[8]!);
    const files = unzipSync(bytes);
    const xml = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    expect(xml).toContain(
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
    );
    const headerStyles = [...xml.matchAll(/<c r="[A-Z]+1" s="(\d+)"/g)].map((m) => m[1]);
    expect(headerStyles).toHaveLength(9);
    const styles = strFromU8(files["xl/styles.xml"]!);
    const xfs = [...styles.matchAll(/<xf numFmtId="\d+" fontId="(\d+)"[^>]*xfId/g)].map(
      (m) => m[1],
    );
    const fonts = [...styles.matchAll(/<font>(.*?)<\/font>/g)].map((m) => m[1]);
    for (const s of new Set(headerStyles)) expect(fonts[Number(xfs[Number(s)])]).toContain("<b/>");
    expect(fonts[Number(xfs[0])]).not.toContain("<b/>");
  });

  it("explains itself on 'Om rapporten': as-of, when and by whom, columns, and the lock", async () => {
    const about = async (url: string) => {
      const { book } = await workbook(url);
      expect(book.SheetNames[1]).toBe("Om rapporten");
      const rows = XLSX.utils.sheet_to_json<[string, string]>(book.Sheets["Om rapporten"]!, {
        header: 1,
      });
      // Label → value; the first one wins ("Per datum" is also listed among the columns).
      return new Map(
        rows
          .filter((r) => r.length > 0)
          .reverse()
          .map((r) => [r[0], r[1]]),
      );
    };
    const coverage = await about(`/tackning/export.xlsx?enhet=${ids.units.A}&datum=2025-12-31`);
    expect(coverage.get("Per datum")).toBe("2025-12-31");
    expect(coverage.get("Exporterad")).toBe("2026-02-01 10:00 (svensk tid)");
    expect(coverage.get("Exporterad av")).toMatch(/\(.+@.+\)$/);
    expect(coverage.get("Urval")).toBe("Enhet A (A) med underenheter");
    expect(coverage.get("Andel nådda (%)")).toMatch(/delat med anställda/);
    expect(coverage.get("Identifierare")).toMatch(/text, inte tal/);
    expect(coverage.has("Låst")).toBe(false);

    expect((await about("/rapport/2025/export.xlsx")).get("Låst")).toMatch(/^Nej/);
    const user = await loginAs(t.db, "ledning");
    const locked = await lockAnnualReport(t.db, {
      year: 2025,
      userId: user.userId,
      now: new Date("2026-01-15T08:30:00Z"),
      today: "2026-01-15",
    });
    expect(locked.ok).toBe(true);
    const annual = await about("/rapport/2025/export.xlsx");
    expect(annual.get("Låst")).toMatch(/^Ja, 2026-01-15 09:30 av /);
    expect(annual.get("Låst mening")).toMatch(/^Totalt har 4 medarbetare av 6 /);
    expect(annual.get("Beräknat nu")).toMatch(/desamma som de låsta/);
    // A unit's annual export shows that unit's locked figures, with its own sentence.
    const unitA = await about(`/rapport/2025/export.xlsx?enhet=${ids.units.A}`);
    expect(unitA.get("Låst")).toMatch(/^Ja, 2026-01-15 09:30 av .*låsta siffrorna/);
    expect(unitA.get("Låst mening")).not.toBe(annual.get("Låst mening"));
  });
});
