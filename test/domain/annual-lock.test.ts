import { describe, expect, it } from "vitest";
import {
  type AnnualFigures,
  annualByUnit,
  figureDifference,
  yearEnd,
} from "../../src/domain/annual";
import {
  everyUnitAnnual,
  hasData,
  type LockedFigures,
  type LockedUnitRow,
  lockedSlice,
  lockLine,
  type ReportSelection,
} from "../../src/domain/annual-lock";
import { employedOn } from "../../src/domain/coverage";
import { SMALL_EXPECTED, SMALL_UNITS } from "../fixtures/small-org";
import { smallOrgDeepenedEvents, smallOrgEmploymentFacts } from "../fixtures/small-org-facts";

const facts = smallOrgEmploymentFacts();
const deepened = smallOrgDeepenedEvents();
const UNITS = [SMALL_UNITS.root, SMALL_UNITS.A, SMALL_UNITS.B];

const f = (headcount: number, reached: number): AnnualFigures => ({
  headcount,
  reached,
  completed: 0,
  reachedInYear: 0,
  deepened: 0,
});

describe("everyUnitAnnual (what a lock keeps of every unit)", () => {
  it.each([2025, 2026])("%i: each unit's row equals the per-unit computation", (year) => {
    const staff = employedOn(facts, yearEnd(year));
    const before = employedOn(facts, yearEnd(year - 1));
    const rows = everyUnitAnnual(staff, before, deepened, UNITS, year);
    const now = annualByUnit(staff, deepened, UNITS, year);
    const then = annualByUnit(before, deepened, UNITS, year - 1);
    expect(rows.map((r) => r.path)).toEqual(["/1/", "/1/2/", "/1/3/"]);
    rows.forEach((row, i) => {
      const { unit: _u, ...figures } = now[i]!;
      const { unit: _p, ...previous } = then[i]!;
      expect(row).toMatchObject(figures);
      expect(row.difference).toEqual(figureDifference(figures, previous));
    });
    expect(rows[1]).toMatchObject(SMALL_EXPECTED[year as 2025 | 2026].A);
  });
});

/** A lock of root (/1/) with children A (/1/2/) and B (/1/3/), and A's child A1 (/1/2/4/). */
const row = (id: number, path: string, headcount: number, reached: number): LockedUnitRow => ({
  id,
  code: `U${id}`,
  name: `Enhet ${id}`,
  path,
  ...f(headcount, reached),
  difference: f(1, 1),
});
const LOCK: LockedFigures = {
  ...f(10, 6),
  difference: f(2, 3),
  units: [{ id: 1, code: "U1", name: "Enhet 1", ...f(10, 6) }],
  tree: [
    row(1, "/1/", 10, 6),
    row(2, "/1/2/", 6, 4),
    row(3, "/1/3/", 4, 2),
    row(4, "/1/2/4/", 2, 1),
  ],
};
const LEGACY: LockedFigures = { ...f(10, 6), units: LOCK.units };

describe("lockedSlice: the locked figures for any part of the organisation", () => {
  it.each<[string, LockedFigures, ReportSelection, null | [number, number, number[], boolean]]>([
    ["organisation", LOCK, { kind: "organisation" }, [10, 6, [1], false]],
    [
      "a unit: its figures, its direct children",
      LOCK,
      { kind: "unit", unitId: 2 },
      [6, 4, [4], false],
    ],
    ["a unit without children", LOCK, { kind: "unit", unitId: 4 }, [2, 1, [], false]],
    ["a chef with one subtree", LOCK, { kind: "roots", unitIds: [3] }, [4, 2, [3], false]],
    [
      "a chef with two subtrees: the sum",
      LOCK,
      { kind: "roots", unitIds: [3, 4] },
      [6, 3, [3, 4], true],
    ],
    ["a unit created after the lock", LOCK, { kind: "unit", unitId: 99 }, null],
    ["an old lock has only the top level", LEGACY, { kind: "organisation" }, [10, 6, [1], false]],
    ["an old lock cannot answer for a unit", LEGACY, { kind: "unit", unitId: 2 }, null],
  ])("%s", (_, lock, selection, expected) => {
    const slice = lockedSlice(lock, selection);
    if (expected === null) return expect(slice).toBeNull();
    const [headcount, reached, unitIds, summed] = expected;
    expect([slice!.headcount, slice!.reached]).toEqual([headcount, reached]);
    expect(slice!.units.map((u) => u.unit.id)).toEqual(unitIds);
    expect(slice!.summed).toBe(summed);
  });

  it("keeps the change since last year where the lock has it", () => {
    expect(lockedSlice(LOCK, { kind: "organisation" })!.difference).toEqual(f(2, 3));
    expect(lockedSlice(LOCK, { kind: "organisation" })!.units[0]!.difference).toEqual(f(1, 1));
    expect(lockedSlice(LEGACY, { kind: "organisation" })!.difference).toBeNull();
  });
});

describe("lock wording and data", () => {
  it.each([
    [
      { lockedAt: "2026-01-15T08:30:00.000Z", lockedBy: "Lena Ledning" },
      "Låst 2026-01-15 av Lena Ledning",
    ],
    // 23:30 UTC on 15 January is already the 16th in Stockholm.
    [{ lockedAt: "2026-01-15T23:30:00.000Z", lockedBy: null }, "Låst 2026-01-16 av okänd"],
    [{ lockedAt: null, lockedBy: "A" }, "Låst okänt datum av A"],
  ])("%o → %s", (lock, text) => {
    expect(lockLine(lock)).toBe(text);
  });

  it.each([
    [f(0, 0), false],
    [{ ...f(0, 0), deepened: 2 }, true],
    [f(1, 0), true],
  ])("hasData(%o) = %s", (figures, expected) => {
    expect(hasData(figures)).toBe(expected);
  });
});
