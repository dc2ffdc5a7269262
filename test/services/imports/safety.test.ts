/** Issue 10's data-damage cases: future hires, undo order across kinds, code-only units. */
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importCompletions } from "../../../src/services/imports/completions";
import { importStaff } from "../../../src/services/imports/staff";
import { undoImport, undoLatestImport } from "../../../src/services/imports/undo";
import { createTestDb, type TestDb } from "../../helpers/db";
import { utf8 } from "../../helpers/files";
import { expectNoEmploymentsEndingBeforeStart } from "../../helpers/import-invariants";
import { dumpData } from "../../helpers/imports";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await expectNoEmploymentsEndingBeforeStart(t.db);
  t.cleanup();
});

const csv = (rows: string[][]) => utf8(rows.map((r) => r.join(";")).join("\n"));
const staff = (rows: string[][], asOf: string, fileName = `p-${asOf}.csv`) =>
  importStaff(t.db, { bytes: csv(rows), fileName, asOf, dryRun: false, userId: null });
const HEADER = [
  "Anst.nr",
  "Förnamn",
  "Efternamn",
  "E-post",
  "Enhetskod",
  "Enhet",
  "Anställningsdatum",
];
const anna = ["1", "Anna", "Berg", "anna@x.se", "E1", "Enhet Ett", "2020-01-01"];
const bo = ["2", "Bo", "Ek", "bo@x.se", "E1", "Enhet Ett", "2020-01-01"];

describe("a future hire the next snapshot omits", () => {
  it("is withdrawn (never ends before it starts), and undo brings the employment back", async () => {
    const future = ["3", "Cia", "Falk", "cia@x.se", "E1", "Enhet Ett", "2026-06-01"];
    await staff([HEADER, anna, bo, future], "2026-03-31");
    const afterFirst = await dumpData(t.db);
    const r = await staff([HEADER, anna, bo], "2026-04-30");
    expect(r.left).toBe(1);
    const cia = await t.db.all(
      sql`SELECT e.* FROM employments e JOIN people p ON p.id = e.person_id WHERE p.employee_no = '3'`,
    );
    expect(cia).toEqual([]);
    await expectNoEmploymentsEndingBeforeStart(t.db);
    await undoLatestImport(t.db, "staff", { userId: null });
    expect(await dumpData(t.db)).toEqual(afterFirst);
  });

  it("a mover whose new post has not begun: the future post is withdrawn, not closed before it starts", async () => {
    await staff([HEADER, anna], "2026-03-31");
    const moved = ["1", "Anna", "Berg", "anna@x.se", "E2", "Enhet Två", "2020-01-01"];
    await staff([HEADER, moved], "2026-04-30");
    await staff([HEADER, anna], "2026-04-30", "tillbaka.csv");
    await expectNoEmploymentsEndingBeforeStart(t.db);
  });
});

describe("undo across kinds, newest first", () => {
  const exportCsv = utf8(
    "Namn;E-post;Kurs;Status;Slutförd datum\nAnna Berg;anna.ny@x.se;VBE webbutbildning;Genomförd;2026-05-02\n",
  );
  it("an older staff import cannot be undone alone; with the newer ones it can, newest first", async () => {
    await staff([HEADER, anna], "2026-03-31");
    const before = await dumpData(t.db);
    // The second list gives Anna a new address, and the export matches her by it.
    const newAddress = ["1", "Anna", "Berg", "anna.ny@x.se", "E1", "Enhet Ett", "2020-01-01"];
    const second = await staff([HEADER, newAddress], "2026-04-30");
    const exp = await importCompletions(t.db, {
      bytes: exportCsv,
      fileName: "export.csv",
      dryRun: false,
      userId: null,
    });
    expect(exp.matched).toBe(1);
    await expect(undoLatestImport(t.db, "staff", { userId: null })).rejects.toThrow(
      /kan inte ångras ensam.*nr \d+ \(kursexport, export\.csv\)/,
    );
    const [imp] = await t.db.all<{ id: number }>(
      sql`SELECT id FROM imports WHERE id = ${second.importId}`,
    );
    const row = await t.db.query.imports.findFirst({ where: (i, { eq }) => eq(i.id, imp!.id) });
    const r = await undoImport(t.db, row!, { userId: null }, { withNewer: true });
    expect(r.alsoUndone.map((u) => u.fileName)).toEqual(["export.csv"]);
    expect(await dumpData(t.db)).toEqual(before);
  });
});

describe("a staff file with unit codes but no unit names", () => {
  it("never renames a unit to its code", async () => {
    await staff([HEADER, anna, bo], "2026-03-31");
    const codeOnly = [
      ["Anst.nr", "Förnamn", "Efternamn", "Enhetskod"],
      ["1", "Anna", "Berg", "E1"],
      ["2", "Bo", "Ek", "E1"],
    ];
    const r = await staff(codeOnly, "2026-04-30");
    expect(r.renamedUnits).toEqual([]);
    const names = await t.db.all<{ name: string }>(sql`SELECT name FROM units WHERE code = 'E1'`);
    expect(names).toEqual([{ name: "Enhet Ett" }]);
  });
});
