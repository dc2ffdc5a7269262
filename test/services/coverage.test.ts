import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completions, employments, people } from "../../db/schema";
import { ALL_UNITS } from "../../src/auth/scope";
import { computeAnnualReport } from "../../src/services/annual-report";
import { getCoverage } from "../../src/services/coverage";
import { getCoverageWithTrend } from "../../src/services/coverage-page";
import { getStaffStatus } from "../../src/services/staff-list";
import { createUnit, unitById, unitsInScope } from "../../src/services/units";
import { createTestDb, type TestDb } from "../helpers/db";

/**
 * Someone with two concurrent employments (a part-time post in A and one in B): DESIGN's
 * headcount(D) is "people with an employment covering D in the unit subtree", so they count
 * in A and in B, and once in any subtree holding both. Child rows may then sum to more than
 * the parent; the parent's figure is the true number of people.
 */
describe("two concurrent employments", () => {
  let t: TestDb;
  let unitIds: { root: number; A: number; B: number };
  beforeAll(async () => {
    t = await createTestDb();
    const root = await createUnit(t.db, { name: "Förvaltningen", code: "ROOT" });
    const a = await createUnit(t.db, {
      name: "Enhet A",
      code: "A",
      parentId: root.id,
      parentPath: root.path,
    });
    const b = await createUnit(t.db, {
      name: "Enhet B",
      code: "B",
      parentId: root.id,
      parentPath: root.path,
    });
    unitIds = { root: root.id, A: a.id, B: b.id };
    const [p1, p2] = await t.db
      .insert(people)
      .values([
        { employeeNo: "1", firstName: "Dubbel", lastName: "Tjänst" },
        { employeeNo: "2", firstName: "Enkel", lastName: "Tjänst" },
      ])
      .returning({ id: people.id });
    await t.db.insert(employments).values([
      {
        personId: p1!.id,
        unitId: a.id,
        validFrom: "2020-01-01",
        validTo: null,
        title: "Undersköterska",
      },
      {
        personId: p1!.id,
        unitId: b.id,
        validFrom: "2024-01-01",
        validTo: null,
        title: "Vårdbiträde",
      },
      { personId: p2!.id, unitId: b.id, validFrom: "2020-01-01", validTo: null },
    ]);
    await t.db.insert(completions).values([
      { personId: p1!.id, courseId: "vbe-webb", kind: "started", date: "2025-04-01" },
      { personId: p1!.id, courseId: "vbe-webb", kind: "completed", date: "2025-04-02" },
    ]);
  });
  afterAll(() => t.cleanup());

  it("counts them once in the total and once in each unit", async () => {
    const root = await unitById(t.db, ALL_UNITS, unitIds.root);
    const c = await getCoverage(t.db, ALL_UNITS, { asOf: "2025-12-31", unit: root });
    expect([c.headcount, c.reached, c.completed]).toEqual([2, 1, 1]);
    expect(c.children.map((ch) => [ch.unit.code, ch.headcount, ch.reached])).toEqual([
      ["A", 1, 1],
      ["B", 2, 1],
    ]);
    const r = await computeAnnualReport(t.db, ALL_UNITS, { year: 2025 });
    expect([r.headcount, r.reached, r.reachedInYear]).toEqual([2, 1, 1]);
  });

  it("lists them once in a staff list, with both units", async () => {
    const root = (await unitById(t.db, ALL_UNITS, unitIds.root))!;
    const rows = await getStaffStatus(t.db, ALL_UNITS, { unit: root, asOf: "2025-12-31" });
    expect(rows.map((r) => [r.name, r.units, r.status])).toEqual([
      ["Enkel Tjänst", "Enhet B", "not_started"],
      ["Dubbel Tjänst", "Enhet A, Enhet B", "completed"],
    ]);
  });

  it("lists the units of a scope in tree order with depth", async () => {
    const all = await unitsInScope(t.db, ALL_UNITS);
    expect(all.map((u) => [u.name, u.depth])).toEqual([
      ["Förvaltningen", 0],
      ["Enhet A", 1],
      ["Enhet B", 1],
    ]);
    const onlyB = await unitsInScope(t.db, {
      kind: "units",
      paths: [`/${unitIds.root}/${unitIds.B}/`],
    });
    expect(onlyB.map((u) => u.name)).toEqual(["Enhet B"]);
  });

  it("gives the trend month by month up to the as-of date", async () => {
    const { trend } = await getCoverageWithTrend(t.db, ALL_UNITS, {
      asOf: "2025-04-15",
      unit: null,
    });
    expect(trend.map((p) => p.date)).toEqual([
      "2024-01-31",
      "2024-02-29",
      "2024-03-31",
      "2024-04-30",
      "2024-05-31",
      "2024-06-30",
      "2024-07-31",
      "2024-08-31",
      "2024-09-30",
      "2024-10-31",
      "2024-11-30",
      "2024-12-31",
      "2025-01-31",
      "2025-02-28",
      "2025-03-31",
      "2025-04-15",
    ]);
    expect(trend.at(-2)).toMatchObject({ headcount: 2, reached: 0 });
    expect(trend.at(-1)).toMatchObject({
      headcount: 2,
      reached: 1,
      completed: 1,
      percentReached: 50,
    });
  });
});
