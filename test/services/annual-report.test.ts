import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, completions, employments, people } from "../../db/schema";
import { ALL_UNITS, NO_UNITS, type Scope } from "../../src/auth/scope";
import { computeAnnualReport, getLockedReport } from "../../src/services/annual-report";
import { shownAnnualReport, yearState } from "../../src/services/annual-report-view";
import { getCoverage } from "../../src/services/coverage";
import { loadDeepenedEvents } from "../../src/services/facts";
import { lockAnnualReport } from "../../src/services/lock-report";
import { getStaffStatus } from "../../src/services/staff-list";
import { unitById } from "../../src/services/units";
import { SMALL_EXPECTED } from "../fixtures/small-org";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { insertSmallOrg, type SmallOrgIds } from "../helpers/small-org-db";

const figuresOf = (r: {
  headcount: number;
  reached: number;
  completed: number;
  reachedInYear: number;
  deepened: number;
}) => ({
  headcount: r.headcount,
  reached: r.reached,
  completed: r.completed,
  reachedInYear: r.reachedInYear,
  deepened: r.deepened,
});

describe("annual report service on the small organisation", () => {
  let t: TestDb;
  let ids: SmallOrgIds;
  let scopeA: Scope;
  beforeAll(async () => {
    t = await createTestDb();
    ids = await insertSmallOrg(t.db);
    scopeA = { kind: "units", paths: [`/${ids.units.root}/${ids.units.A}/`] };
  });
  afterAll(() => t.cleanup());

  it.each([2025, 2026] as const)("%i matches the hand-worked figures", async (year) => {
    const r = await computeAnnualReport(t.db, ALL_UNITS, { year });
    const expected = SMALL_EXPECTED[year];
    expect(figuresOf(r)).toEqual(expected.total);
    expect(r.sentence).toBe(expected.sentence);
    expect(r.asOf).toBe(`${year}-12-31`);
    // Top level of the whole organisation is the förvaltning; its row equals the total.
    expect(r.units.map((u) => u.unit.code)).toEqual(["ROOT"]);
    const root = await unitById(t.db, ALL_UNITS, ids.units.root);
    const perUnit = await computeAnnualReport(t.db, ALL_UNITS, { year, unit: root });
    expect(perUnit.units.map((u) => [u.unit.code, figuresOf(u)])).toEqual([
      ["A", expected.A],
      ["B", expected.B],
    ]);
  });

  it("gives the difference to the previous year", async () => {
    const r = await computeAnnualReport(t.db, ALL_UNITS, { year: 2026 });
    expect(r.previous).toEqual(SMALL_EXPECTED[2025].total);
    expect(r.difference).toEqual({
      headcount: 0,
      reached: 1,
      completed: 1,
      reachedInYear: -1,
      deepened: -1,
    });
  });

  it("gives each unit's difference to the previous year", async () => {
    const root = await unitById(t.db, ALL_UNITS, ids.units.root);
    const r = await computeAnnualReport(t.db, ALL_UNITS, { year: 2026, unit: root });
    expect(r.units.map((u) => [u.unit.code, u.difference.headcount, u.difference.reached])).toEqual(
      [
        ["A", -1, -1],
        ["B", 1, 2],
      ],
    );
  });

  it("a chef of unit A sees only A's figures", async () => {
    const r = await computeAnnualReport(t.db, scopeA, { year: 2025 });
    expect(figuresOf(r)).toEqual(SMALL_EXPECTED[2025].A);
    expect(r.units.map((u) => u.unit.code)).toEqual(["A"]);
    expect(figuresOf(await computeAnnualReport(t.db, NO_UNITS, { year: 2025 }))).toEqual({
      headcount: 0,
      reached: 0,
      completed: 0,
      reachedInYear: 0,
      deepened: 0,
    });
  });

  it("deepened events carry the unit of the employment on the event date", async () => {
    const events = await loadDeepenedEvents(t.db, ALL_UNITS, {
      from: "2024-01-01",
      to: "2026-12-31",
    });
    expect(events.map((e) => [e.date, e.unitPath])).toEqual([
      ["2024-11-11", `/${ids.units.root}/${ids.units.A}/`],
      ["2025-03-01", `/${ids.units.root}/${ids.units.A}/`],
      ["2025-04-01", `/${ids.units.root}/${ids.units.A}/`],
      ["2025-09-01", `/${ids.units.root}/${ids.units.A}/`],
      ["2026-04-01", `/${ids.units.root}/${ids.units.A}/`],
    ]);
  });

  it("coverage on a date agrees with the annual figures", async () => {
    const root = await unitById(t.db, ALL_UNITS, ids.units.root);
    const c = await getCoverage(t.db, ALL_UNITS, { asOf: "2025-12-31", unit: root });
    expect([c.headcount, c.reached, c.completed]).toEqual([6, 4, 3]);
    expect(c.children.map((ch) => [ch.unit.code, ch.headcount, ch.reached, ch.completed])).toEqual([
      ["A", 3, 2, 2],
      ["B", 3, 2, 1],
    ]);
  });

  it("unitById refuses a unit outside the scope", async () => {
    expect(await unitById(t.db, scopeA, ids.units.B)).toBeNull();
    expect(await unitById(t.db, scopeA, ids.units.root)).toBeNull();
    expect((await unitById(t.db, scopeA, ids.units.A))?.code).toBe("A");
  });

  it("lists a unit's staff with status and dates as of the date", async () => {
    const unitB = (await unitById(t.db, ALL_UNITS, ids.units.B))!;
    const rows = await getStaffStatus(t.db, ALL_UNITS, { unit: unitB, asOf: "2025-12-31" });
    expect(rows.map((r) => [r.name.split(" ")[0], r.status, r.startedOn, r.completedOn])).toEqual([
      // Hans completed only in 2026: not started on the as-of date, no dates shown yet.
      ["Hans", "not_started", null, null],
      ["Fred", "started", "2025-12-31", null],
      ["Eva", "completed", "2024-05-05", "2025-10-01"],
    ]);
  });
});

describe("locking the annual report", () => {
  let t: TestDb;
  let ids: SmallOrgIds;
  let userId: number;
  beforeAll(async () => {
    t = await createTestDb();
    ids = await insertSmallOrg(t.db);
    userId = (await loginAs(t.db, "ledning")).userId;
  });
  afterAll(() => t.cleanup());

  const lock = (year: number, today = "2026-02-01") =>
    lockAnnualReport(t.db, { year, userId, now: new Date(`${today}T10:00:00Z`), today });

  it("refuses a year that is not over yet, a year without data, and figures other than confirmed", async () => {
    expect(await lock(2026)).toEqual({ ok: false, reason: "future_year" });
    expect(await lock(2025, "2025-12-31")).toEqual({ ok: false, reason: "future_year" });
    expect(await lock(1999)).toEqual({ ok: false, reason: "no_data" });
    const stale = await lockAnnualReport(t.db, {
      year: 2025,
      userId,
      now: new Date("2026-02-01T10:00:00Z"),
      today: "2026-02-01",
      expected: { headcount: 6, reached: 3 },
    });
    expect(stale).toEqual({ ok: false, reason: "changed" });
    expect(await getLockedReport(t.db, 2025)).toBeNull();
  });

  it("stores figures, sentence, who and when, and audits the lock", async () => {
    const result = await lock(2025);
    expect(result.ok).toBe(true);
    const locked = (await getLockedReport(t.db, 2025))!;
    expect(figuresOf(locked.figures)).toEqual(SMALL_EXPECTED[2025].total);
    expect(locked.figures.units.map((u) => u.code)).toEqual(["ROOT"]);
    // Every unit, with its change since 2024, and how fresh the data was (no imports here).
    expect(locked.figures.tree!.map((u) => [u.code, figuresOf(u)])).toEqual([
      ["ROOT", SMALL_EXPECTED[2025].total],
      ["A", SMALL_EXPECTED[2025].A],
      ["B", SMALL_EXPECTED[2025].B],
    ]);
    expect(locked.figures.difference!.reached).toBe(3);
    expect(locked.figures.freshness).toEqual({ staffAsOf: null, coursesAsOf: null });
    expect(locked.sentence).toBe(SMALL_EXPECTED[2025].sentence);
    expect(locked.lockedAt).toBe("2026-02-01T10:00:00.000Z");
    expect(locked.lockedBy).toMatch(/^Test ledning/);
    const log = await t.db.select().from(auditLog).where(eq(auditLog.action, "report.locked"));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ userId, target: "annual:2025" });
    expect(await lock(2025)).toEqual({ ok: false, reason: "already_locked" });
  });

  it("never changes after later corrections, while a fresh computation does", async () => {
    // A later import: Bo's completion from June 2025 turns up, and a forgotten hire of 2025.
    await t.db.insert(completions).values({
      personId: ids.people[1]!,
      courseId: "vbe-webb",
      kind: "completed",
      date: "2025-06-01",
    });
    const [hire] = await t.db
      .insert(people)
      .values({ employeeNo: "S99", firstName: "Ida", lastName: "Sen", email: "ida@test.se" })
      .returning({ id: people.id });
    await t.db
      .insert(employments)
      .values({ personId: hire!.id, unitId: ids.units.B, validFrom: "2025-11-01", validTo: null });

    const fresh = await computeAnnualReport(t.db, ALL_UNITS, { year: 2025 });
    expect(figuresOf(fresh)).toEqual({
      ...SMALL_EXPECTED[2025].total,
      headcount: 7,
      reached: 5,
      completed: 4,
      reachedInYear: 4,
    });
    const locked = (await getLockedReport(t.db, 2025))!;
    expect(figuresOf(locked.figures)).toEqual(SMALL_EXPECTED[2025].total);
    expect(locked.sentence).toBe(SMALL_EXPECTED[2025].sentence);

    // What the page and the exports show: the locked figures, for the organisation, a unit
    // and a chef; the fresh ones only alongside.
    const today = "2026-02-01";
    const org = await shownAnnualReport(t.db, ALL_UNITS, { year: 2025, unit: null, today });
    expect(org.showsLock).toBe(true);
    expect(figuresOf(org.report)).toEqual(SMALL_EXPECTED[2025].total);
    expect(org.report.sentence).toBe(SMALL_EXPECTED[2025].sentence);
    expect(figuresOf(org.fresh).reached).toBe(5);
    const root = await unitById(t.db, ALL_UNITS, ids.units.root);
    const byUnit = await shownAnnualReport(t.db, ALL_UNITS, { year: 2025, unit: root, today });
    expect(byUnit.report.units.map((u) => [u.unit.code, figuresOf(u)])).toEqual([
      ["A", SMALL_EXPECTED[2025].A],
      ["B", SMALL_EXPECTED[2025].B],
    ]);
    const chef: Scope = { kind: "units", paths: [`/${ids.units.root}/${ids.units.A}/`] };
    const a = await shownAnnualReport(t.db, chef, { year: 2025, unit: null, today });
    expect(figuresOf(a.report)).toEqual(SMALL_EXPECTED[2025].A);
    expect(a.report.sentence).not.toBe(SMALL_EXPECTED[2025].sentence);
    expect(figuresOf(a.fresh).reached).toBe(SMALL_EXPECTED[2025].A.reached + 1);
  });
});

describe("which years have figures", () => {
  it.each([
    [2025, "2026-02-01", "over"],
    [2026, "2026-02-01", "in_progress"],
    [2026, "2026-12-31", "in_progress"],
    [2027, "2026-12-31", "not_begun"],
  ] as const)("%i on %s is %s", (year, today, state) => {
    expect(yearState(year, today)).toBe(state);
  });
});
