/**
 * The figures an import produces must be the figures that are true: the demo organisation is
 * seeded directly into one database and, into another, written out as HR's files (staff
 * snapshots as .xlsx, a cumulative course export as a Windows-1252 CSV) and imported.
 * Coverage per unit must agree on every snapshot date (between two snapshots the files cannot
 * say when a move or a departure happened, so those dates may differ).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CATALOGUE } from "../../../courses/catalogue";
import { ALL_UNITS } from "../../../src/auth/scope";
import {
  DEMO_ORGANISATION,
  type DemoPerson,
  generateDemoData,
} from "../../../src/domain/demo-organisation";
import { getCoverage } from "../../../src/services/coverage";
import { seedDemoData } from "../../../src/services/demo/seed";
import { importCompletions } from "../../../src/services/imports/completions";
import { importStaff } from "../../../src/services/imports/staff";
import { findUnitMatches } from "../../../src/services/units";
import { createTestDb, type TestDb } from "../../helpers/db";
import { cp1252, xlsxBytes } from "../../helpers/files";

const TODAY = "2026-11-25";
const data = generateDemoData(undefined, TODAY);
const enheter = DEMO_ORGANISATION.flatMap((a) => a.children.map((e) => ({ ...e, avdelning: a })));
const serial = (iso: string) =>
  (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

function staffFile(asOf: string): Uint8Array {
  const employed = (p: DemoPerson) =>
    p.validFrom <= asOf && (p.validTo === null || p.validTo >= asOf);
  const rows = data.people.filter(employed).map((p) => {
    const e = enheter[p.move && p.move.validFrom <= asOf ? p.move.unitIndex : p.unitIndex]!;
    return [
      p.employeeNo,
      p.firstName,
      p.lastName,
      p.email.toUpperCase(),
      e.avdelning.name,
      e.name,
      e.code,
      p.title,
      serial(p.validFrom),
    ];
  });
  return xlsxBytes([
    [`Personalförteckning per ${asOf}`],
    [],
    [
      "Anst.nr",
      "Förnamn",
      "Efternamn",
      "E-post",
      "Avdelning",
      "Enhet",
      "Enhetskod",
      "Befattning",
      "Anställningsdatum",
    ],
    ...rows,
  ]);
}

function exportFile(): Uint8Array {
  const byNo = new Map(data.people.map((p) => [p.employeeNo, p]));
  const title = new Map(DEFAULT_CATALOGUE.map((c) => [c.id, c.title]));
  const lines = data.events.map((e) => {
    const p = byNo.get(e.employeeNo)!;
    const done = e.kind === "completed";
    return [
      `"${p.lastName}, ${p.firstName}"`,
      p.email,
      title.get(e.courseId),
      done ? "Genomförd" : "Påbörjad",
      done ? "" : e.date,
      done ? e.date : "",
    ].join(";");
  });
  return cp1252(
    `Export från webbutbildningen\r\nNamn;E-post;Kurs;Status;Startdatum;Slutförd datum\r\n${lines.join("\r\n")}\r\n`,
  );
}

describe("demo organisation: seeded vs imported from HR's files", () => {
  let seeded: TestDb;
  let imported: TestDb;
  beforeAll(async () => {
    [seeded, imported] = await Promise.all([createTestDb(), createTestDb()]);
    await seedDemoData(seeded.db, { today: TODAY, withUsers: false });
    const run = { dryRun: false, userId: null };
    const first = await importStaff(imported.db, {
      ...run,
      bytes: staffFile("2025-12-31"),
      fileName: "p2025.xlsx",
      asOf: "2025-12-31",
    });
    expect(first.errors).toEqual([]);
    const second = await importStaff(imported.db, {
      ...run,
      bytes: staffFile(TODAY),
      fileName: "p2026.xlsx",
      asOf: TODAY,
    });
    expect(second).toMatchObject({
      errors: [],
      created: expect.any(Number),
      left: expect.any(Number),
    });
    expect(second.left).toBeGreaterThan(0);
    const c = await importCompletions(imported.db, {
      ...run,
      bytes: exportFile(),
      fileName: "export.csv",
    });
    expect(c).toMatchObject({ errors: [], ignored: 0, rows: data.events.length });
    expect(c.matched + c.unmatched).toBe(data.events.length);
  });
  afterAll(() => {
    seeded.cleanup();
    imported.cleanup();
  });

  it.each([
    ["2025-12-31", "vbe-webb"],
    ["2025-12-31", "vbe-fordjupning"],
    [TODAY, "vbe-webb"],
    [TODAY, "otillaten-paverkan"],
  ])("coverage on %s for %s is the same, per avdelning", async (asOf, courseId) => {
    const strip = (r: Awaited<ReturnType<typeof getCoverage>>) => ({
      headcount: r.headcount,
      reached: r.reached,
      completed: r.completed,
      children: r.children.map((ch) => [ch.unit.name, ch.headcount, ch.reached, ch.completed]),
    });
    const a = strip(await getCoverage(seeded.db, ALL_UNITS, { asOf, courseId }));
    const b = strip(await getCoverage(imported.db, ALL_UNITS, { asOf, courseId }));
    expect(a.headcount).toBeGreaterThan(900);
    expect(b).toEqual(a);
  });

  it("agrees per enhet inside an avdelning, too", async () => {
    const name = "Avdelningen för äldreomsorg";
    const per = async (t: TestDb, asOf: string) => {
      const [unit] = await findUnitMatches(t.db, ALL_UNITS, name);
      const r = await getCoverage(t.db, ALL_UNITS, { asOf, unit });
      return r.children.map((ch) => [ch.unit.name, ch.headcount, ch.reached, ch.completed]);
    };
    for (const asOf of ["2025-12-31", TODAY]) {
      expect(await per(imported, asOf)).toEqual(await per(seeded, asOf));
    }
  });
});
