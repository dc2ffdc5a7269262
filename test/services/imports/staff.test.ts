import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ImportFileError } from "../../../imports/read/types";
import { ALL_UNITS } from "../../../src/auth/scope";
import { getCoverage } from "../../../src/services/coverage";
import { importStaff } from "../../../src/services/imports/staff";
import { undoLatestImport } from "../../../src/services/imports/undo";
import { createTestDb, type TestDb } from "../../helpers/db";
import { cp1252, utf8, xlsBytes } from "../../helpers/files";
import { expectNoEmploymentsEndingBeforeStart } from "../../helpers/import-invariants";
import { count, dumpData, example } from "../../helpers/imports";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await expectNoEmploymentsEndingBeforeStart(t.db);
  t.cleanup();
});

const first = () =>
  importStaff(t.db, {
    ...example("personal-2025-12-31.xlsx"),
    asOf: "2025-12-31",
    dryRun: false,
    userId: null,
  });
const second = (dryRun = false) =>
  importStaff(t.db, {
    ...example("personal-2026-03-31.csv"),
    asOf: "2026-03-31",
    dryRun,
    userId: null,
  });
const TABLE = [
  ["Personal per 2025-12-31"],
  ["Anst.nr", "Namn", "Enhet", "Anställningsdatum"],
  ["0001", "Öberg, Åsa", "Fältgruppen – ungdom", "2019-08-15"],
  ["2", "Bo Ek", "Fältgruppen – ungdom", ""],
];
const headcount = async (asOf: string) => (await getCoverage(t.db, ALL_UNITS, { asOf })).headcount;

describe("importStaff", () => {
  it("imports the Excel sample: people, Avdelning > Enhet, employments from Anställningsdatum", async () => {
    const r = await first();
    expect(r).toMatchObject({
      rows: 10,
      created: 10,
      updated: 0,
      unchanged: 0,
      left: 0,
      errors: [],
    });
    expect(r.importId).toEqual(expect.any(Number));
    expect(await count(t.db, "people")).toBe(10);
    expect(await count(t.db, "units")).toBe(9);
    expect(await count(t.db, "units", "parent_id IS NULL")).toBe(3);
    const [anna] = await t.db.all<{
      email: string;
      valid_from: string;
      path: string;
      code: string;
    }>(
      sql`SELECT p.email, e.valid_from, u.path, u.code FROM people p JOIN employments e ON e.person_id = p.id
          JOIN units u ON u.id = e.unit_id WHERE p.employee_no = '100001'`,
    );
    expect(anna).toMatchObject({
      email: "anna.berg@skarholmen.example.se",
      valid_from: "2012-08-15",
      code: "FSK01",
    });
    expect(anna!.path).toMatch(/^\/\d+\/\d+\/$/);
    expect(JSON.stringify(await dumpData(t.db))).not.toMatch(/19700101|1234/);
    expect(await headcount("2025-12-31")).toBe(10);
    expect(await count(t.db, "audit_log", "action = 'import.applied'")).toBe(1);
  });

  it("re-importing the identical file changes nothing and says so", async () => {
    await first();
    const before = await dumpData(t.db);
    const again = await first();
    expect(again).toMatchObject({
      alreadyImportedAs: expect.any(Number),
      importId: null,
      unchanged: 10,
      created: 0,
    });
    expect(await dumpData(t.db)).toEqual(before);
    expect(await count(t.db, "imports")).toBe(1);
  });

  it("applies the later CSV snapshot: a move, a leaver, a new hire, a new name; the past stays as it was", async () => {
    await first();
    const dry = await second(true);
    const before = await dumpData(t.db);
    const r = await second();
    expect(dry).toMatchObject({
      created: 1,
      updated: 2,
      unchanged: 7,
      left: 1,
      dryRun: true,
      importId: null,
    });
    expect({ ...r, dryRun: true, importId: null }).toEqual({ ...dry, alreadyImportedAs: null });
    expect(before).not.toEqual(await dumpData(t.db));
    const periods = await t.db.all<{ no: string; code: string; from: string; to: string | null }>(
      sql`SELECT p.employee_no AS no, u.code, e.valid_from AS "from", e.valid_to AS "to" FROM employments e
          JOIN people p ON p.id = e.person_id JOIN units u ON u.id = e.unit_id
          WHERE p.employee_no IN ('100002', '100006', '100011') ORDER BY p.employee_no, e.valid_from`,
    );
    expect(periods).toEqual([
      { no: "100002", code: "FSK01", from: "2019-01-07", to: "2026-03-30" },
      { no: "100002", code: "FSK02", from: "2026-03-31", to: null },
      { no: "100006", code: "IFO01", from: "2015-11-02", to: "2026-03-30" },
      { no: "100011", code: "IFO07", from: "2026-02-01", to: null },
    ]);
    const [maria] = await t.db.all<{ last_name: string }>(
      sql`SELECT last_name FROM people WHERE employee_no = '100009'`,
    );
    expect(maria!.last_name).toBe("Lund");
    const [unit] = await t.db.all<{ name: string }>(
      sql`SELECT name FROM units WHERE code = 'IFO07'`,
    );
    expect(unit!.name).toBe("Fältgruppen – ungdom");
    expect(await headcount("2025-12-31")).toBe(10);
    expect(await headcount("2026-03-31")).toBe(10);
    expect(await headcount("2026-03-30")).toBe(11);
  });

  it.each([
    ["old .xls", () => xlsBytes(TABLE), "p.xls"],
    ["tab-separated UTF-8", () => utf8(TABLE.map((r) => r.join("\t")).join("\r\n")), "p.txt"],
    ["Windows-1252 with ;", () => cp1252(TABLE.map((r) => r.join(";")).join("\r\n")), "p.csv"],
  ])("reads %s the same way", async (_, bytes, fileName) => {
    const r = await importStaff(t.db, {
      bytes: bytes(),
      fileName,
      asOf: "2025-12-31",
      dryRun: false,
      userId: null,
    });
    expect(r).toMatchObject({ rows: 2, created: 2, errors: [] });
    const rows =
      await t.db.all(sql`SELECT p.employee_no, p.first_name, p.last_name, u.name AS unit, e.valid_from
      FROM people p JOIN employments e ON e.person_id = p.id JOIN units u ON u.id = e.unit_id ORDER BY p.employee_no`);
    expect(rows).toEqual([
      {
        employee_no: "1",
        first_name: "Åsa",
        last_name: "Öberg",
        unit: "Fältgruppen – ungdom",
        valid_from: "2019-08-15",
      },
      {
        employee_no: "2",
        first_name: "Bo",
        last_name: "Ek",
        unit: "Fältgruppen – ungdom",
        valid_from: "2025-12-31",
      },
    ]);
  });

  it("names who is new, changed and gone, and warns when a file would end many employments", async () => {
    await first();
    const r = await second(true);
    expect(r.who).toEqual({
      created: ["Sara Persson (100011)"],
      updated: ["Mohammed Ali (100002)", "Maria Lund (100009)"],
      left: ["Erik Johansson (100006)"],
      posts: [],
    });
    expect(r.warning).toBeNull();
    const csv = (n: number) =>
      utf8(
        `Anst.nr;Namn;Enhet\n${Array.from({ length: n }, (_, i) => `${i + 1};P${i} Q;X`).join("\n")}`,
      );
    await importStaff(t.db, {
      bytes: csv(30),
      fileName: "a.csv",
      asOf: "2026-04-01",
      dryRun: false,
      userId: null,
    });
    const partial = await importStaff(t.db, {
      bytes: csv(5),
      fileName: "b.csv",
      asOf: "2026-05-01",
      dryRun: true,
      userId: null,
    });
    expect(partial).toMatchObject({ left: 25, currentBefore: 30 });
    expect(partial.warning).toBe(
      "Varning: 25 av 30 anställda finns inte i filen och får sin anställning avslutad dagen före. Är det verkligen en fullständig personalförteckning?",
    );
  });

  it("a real apply describes its changes exactly as its preview did (words written after the lock)", async () => {
    await first();
    const preview = await second(true);
    const applied = await second(false);
    expect(applied.importId).toEqual(expect.any(Number));
    expect(applied.who).toEqual(preview.who);
    expect(applied.changes).toEqual(preview.changes);
    expect(applied.changes.map((c) => c.kind).sort()).toEqual([
      "created",
      "left",
      "updated",
      "updated",
    ]);
    expect(applied).toMatchObject({ currentBefore: preview.currentBefore, left: 1 });
  });

  it("dry run writes nothing", async () => {
    const before = await dumpData(t.db);
    const r = await importStaff(t.db, {
      ...example("personal-2025-12-31.xlsx"),
      asOf: "2025-12-31",
      dryRun: true,
      userId: null,
    });
    expect(r).toMatchObject({ created: 10, dryRun: true, importId: null });
    expect(await dumpData(t.db)).toEqual(before);
    expect(await count(t.db, "imports")).toBe(0);
  });

  it("refuses a snapshot dated before an imported later one", async () => {
    await second();
    const before = await dumpData(t.db);
    await expect(first()).rejects.toThrow(ImportFileError);
    await expect(first()).rejects.toThrow(
      /Det finns redan en personalimport per .* \(2026-03-31\)/,
    );
    expect(await dumpData(t.db)).toEqual(before);
  });

  it("writes nothing when any row has an error, and lists every error", async () => {
    const csv =
      "Anst.nr;Namn;Enhet;Anställningsdatum\n1;Anna Berg;X;2019-01-01\n2;;X;2019-01-01\n3;Bo Ek;X;31/02/2019\n";
    const r = await importStaff(t.db, {
      bytes: utf8(csv),
      fileName: "p.csv",
      asOf: "2025-12-31",
      dryRun: false,
      userId: null,
    });
    expect(r.errors).toEqual([
      { row: 3, message: "Rad 3, kolumn Namn: namn saknas" },
      { row: 4, message: "Rad 4, kolumn Anställningsdatum: '31/02/2019' är inget datum" },
    ]);
    expect(r.importId).toBeNull();
    expect(await count(t.db, "people")).toBe(0);
  });

  it("undo reverts exactly what the latest import wrote, then the one before", async () => {
    const empty = await dumpData(t.db);
    await first();
    const afterFirst = await dumpData(t.db);
    await second();
    const u = await undoLatestImport(t.db, "staff", { userId: null });
    expect(u.reverted).toBeGreaterThan(0);
    expect(await dumpData(t.db)).toEqual(afterFirst);
    // The same file can be applied again after its undo.
    expect((await second()).importId).toEqual(expect.any(Number));
    await undoLatestImport(t.db, "staff", { userId: null });
    await undoLatestImport(t.db, "staff", { userId: null });
    expect(await dumpData(t.db)).toEqual(empty);
    await expect(undoLatestImport(t.db, "staff", { userId: null })).rejects.toThrow(/ingen import/);
    expect(await count(t.db, "audit_log", "action = 'import.undone'")).toBe(3);
  });
});
