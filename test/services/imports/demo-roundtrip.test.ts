/**
 * The demo seed goes through HR's files and the real importers (a staff list a month, the
 * platform's export, attendance lists). The database must then hold exactly the generated
 * history: coverage per avdelning on any date equals what the generator's people and events
 * say, worked out here without the database.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requirementRules } from "../../../db/schema";
import { ALL_UNITS } from "../../../src/auth/scope";
import { DEMO_ORGANISATION, generateDemoData } from "../../../src/domain/demo-organisation";
import { getCoverage } from "../../../src/services/coverage";
import { unitIndexOn } from "../../../src/services/demo/files";
import { seedDemoData } from "../../../src/services/demo/seed";
import { createTestDb, type TestDb } from "../../helpers/db";

const TODAY = "2026-11-25";
const data = generateDemoData(undefined, TODAY);
const avdelningOf = DEMO_ORGANISATION.flatMap((a) => a.children.map(() => a.name));

/** Per avdelning: [name, headcount, reached, completed] on `asOf`, from the generated data. */
function expected(asOf: string, courseId: string) {
  const started = new Set<string>();
  const completed = new Set<string>();
  for (const e of data.events) {
    if (e.courseId !== courseId || e.date > asOf) continue;
    (e.kind === "completed" ? completed : started).add(e.employeeNo);
  }
  const per = new Map(DEMO_ORGANISATION.map((a) => [a.name, [a.name, 0, 0, 0] as const]));
  const rows = new Map([...per].map(([k, v]) => [k, [...v] as [string, number, number, number]]));
  for (const p of data.people) {
    const index = unitIndexOn(p, asOf);
    if (index === null) continue;
    const row = rows.get(avdelningOf[index]!)!;
    row[1]++;
    if (started.has(p.employeeNo) || completed.has(p.employeeNo)) row[2]++;
    if (completed.has(p.employeeNo)) row[3]++;
  }
  return [...rows.values()].sort((a, b) => a[0].localeCompare(b[0], "sv"));
}

describe("demo seed through the importers: the database holds the generated history", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db, { today: TODAY, withUsers: false });
    // A deepened course requires nobody until it has a rule; "everyone" makes its coverage
    // count all staff, which is what the generated history is compared with below.
    await t.db
      .insert(requirementRules)
      .values([{ courseId: "vbe-fordjupning" }, { courseId: "otillaten-paverkan" }]);
  }, 120_000);
  afterAll(() => t.cleanup());

  it.each([
    ["2025-01-01", "vbe-webb"],
    ["2025-06-15", "vbe-webb"],
    ["2025-12-31", "vbe-webb"],
    ["2025-12-31", "vbe-fordjupning"],
    ["2026-05-31", "vbe-webb"],
    [TODAY, "vbe-webb"],
    [TODAY, "otillaten-paverkan"],
  ])("coverage on %s for %s, per avdelning", async (asOf, courseId) => {
    const r = await getCoverage(t.db, ALL_UNITS, { asOf, courseId });
    const actual = r.children
      .map((ch) => [ch.unit.name, ch.headcount, ch.reached, ch.completed])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]), "sv"));
    expect(actual).toEqual(expected(asOf, courseId));
    expect(r.headcount).toBeGreaterThan(900);
  });

  it("every employment of the generator, no more: hires, departures and moves on their dates", async () => {
    const periods = data.people.flatMap((p) =>
      p.move
        ? [
            [p.employeeNo, p.validFrom, p.move.validFrom],
            [p.employeeNo, p.move.validFrom, p.validTo],
          ]
        : [[p.employeeNo, p.validFrom, p.validTo]],
    );
    const rows = await t.db.all<{ no: string; valid_from: string; valid_to: string | null }>(
      sql`SELECT p.employee_no AS no, e.valid_from, e.valid_to FROM employments e
          JOIN people p ON p.id = e.person_id ORDER BY p.employee_no, e.valid_from`,
    );
    const dayBefore = (d: string) =>
      new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const want = periods
      .map(([no, from, to], i) => {
        const next = periods[i + 1];
        const end = next && next[0] === no && next[1] === to ? dayBefore(to!) : to;
        return [no, from, end ?? null];
      })
      .sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`));
    expect(rows.map((r) => [r.no, r.valid_from, r.valid_to])).toEqual(want);
    expect(rows.filter((r) => r.valid_to !== null && r.valid_to < r.valid_from)).toEqual([]);
    // The history has all three kinds of change, or the comparison above proves little.
    expect(periods.length - data.people.length).toBeGreaterThan(10); // moves
    expect(data.people.filter((p) => p.validTo !== null).length).toBeGreaterThan(50);
    expect(data.people.filter((p) => p.validFrom >= "2026-01-01").length).toBeGreaterThan(50);
  });
});
