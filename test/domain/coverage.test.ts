import { describe, expect, it } from "vitest";
import {
  type CourseStatus,
  coverageByUnit,
  coverageOf,
  employedOn,
  firstReachedOn,
  percent,
  reachedInYearOf,
  type StaffCourseFacts,
  statusOn,
} from "../../src/domain/coverage";

const row = (
  personId: number,
  startedOn: string | null,
  completedOn: string | null,
  unitPath = "/1/2/",
): StaffCourseFacts => ({ personId, unitId: 2, unitPath, startedOn, completedOn });

describe("statusOn", () => {
  it.each<[string, string | null, string | null, string, CourseStatus]>([
    ["nothing done", null, null, "2025-12-31", "not_started"],
    ["started before", "2025-03-01", null, "2025-12-31", "started"],
    ["started on the day", "2025-12-31", null, "2025-12-31", "started"],
    ["started after", "2026-01-01", null, "2025-12-31", "not_started"],
    ["started then completed", "2025-03-01", "2025-03-10", "2025-12-31", "completed"],
    ["completed after as-of, started before", "2025-12-20", "2026-01-05", "2025-12-31", "started"],
    ["completed without a start row", null, "2025-05-05", "2025-12-31", "completed"],
    ["completed after as-of only", null, "2026-02-01", "2025-12-31", "not_started"],
  ])("%s", (_case, startedOn, completedOn, asOf, expected) => {
    expect(statusOn({ startedOn, completedOn }, asOf)).toBe(expected);
  });
});

describe("coverageOf", () => {
  const asOf = "2025-12-31";
  it.each<[string, StaffCourseFacts[], [number, number, number, number | null]]>([
    ["empty unit", [], [0, 0, 0, null]],
    [
      "one of each",
      [row(1, null, null), row(2, "2025-01-01", null), row(3, null, "2025-02-01")],
      [3, 2, 1, 66.7],
    ],
    [
      "future events do not count",
      [row(1, "2026-01-01", "2026-01-02"), row(2, null, null)],
      [2, 0, 0, 0],
    ],
    // Two employments on the date (two units): one person, best status wins.
    [
      "person counted once",
      [row(1, null, null, "/1/2/"), row(1, "2025-05-01", null, "/1/3/")],
      [1, 1, 0, 100],
    ],
    [
      "all completed",
      [row(1, "2025-01-01", "2025-01-02"), row(2, null, "2025-06-01")],
      [2, 2, 2, 100],
    ],
  ])("%s", (_case, rows, [headcount, reached, completed, pct]) => {
    const f = coverageOf(rows, asOf);
    expect([f.headcount, f.reached, f.completed, f.percentReached]).toEqual([
      headcount,
      reached,
      completed,
      pct,
    ]);
    expect(f.notStarted).toBe(headcount - reached);
  });
});

describe("coverageByUnit", () => {
  it("counts each row under the child whose subtree holds it", () => {
    const rows = [
      row(1, "2025-01-01", null, "/1/2/"),
      row(2, null, null, "/1/2/5/"),
      row(3, null, "2025-01-01", "/1/3/"),
      row(4, null, null, "/9/"),
    ];
    const units = [
      { id: 2, code: "A", name: "A", path: "/1/2/" },
      { id: 3, code: "B", name: "B", path: "/1/3/" },
    ];
    const result = coverageByUnit(rows, units, "2025-12-31").map((r) => [
      r.unit.code,
      r.headcount,
      r.reached,
    ]);
    expect(result).toEqual([
      ["A", 2, 1],
      ["B", 1, 1],
    ]);
  });

  it("does not confuse /1/2/ with /1/23/", () => {
    const rows = [row(1, null, null, "/1/23/")];
    const [a] = coverageByUnit(
      rows,
      [{ id: 2, code: null, name: "A", path: "/1/2/" }],
      "2025-12-31",
    );
    expect(a?.headcount).toBe(0);
  });
});

describe("percent", () => {
  it.each([
    [242, 1000, 24.2],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [0, 5, 0],
    [5, 0, null],
  ])("%i of %i → %s", (part, whole, expected) => {
    expect(percent(part, whole)).toBe(expected);
  });
});

describe("employedOn", () => {
  const job = (validFrom: string, validTo: string | null) => ({
    ...row(1, null, null),
    validFrom,
    validTo,
  });
  it.each<[string, string, string | null, string, boolean]>([
    ["current", "2020-01-01", null, "2025-12-31", true],
    ["hired on the day", "2025-12-31", null, "2025-12-31", true],
    ["hired the day after", "2026-01-01", null, "2025-12-31", false],
    ["last day is the day", "2020-01-01", "2025-12-31", "2025-12-31", true],
    ["left the day before", "2020-01-01", "2025-12-30", "2025-12-31", false],
  ])("%s", (_c, from, to, date, expected) => {
    expect(employedOn([job(from, to)], date)).toHaveLength(expected ? 1 : 0);
  });
});

describe("firstReachedOn / reachedInYearOf", () => {
  it.each<[string, string | null, string | null, string | null, boolean]>([
    ["nothing", null, null, null, false],
    ["started in the year", "2025-03-01", null, "2025-03-01", true],
    ["completed in the year without a start", null, "2025-12-31", "2025-12-31", true],
    ["started the year before, completed in it", "2024-12-31", "2025-01-02", "2024-12-31", false],
    ["completion row dated before the start row", "2025-02-01", "2024-06-01", "2024-06-01", false],
    ["first event next year", "2026-01-01", null, "2026-01-01", false],
    ["started 1 January", "2025-01-01", "2026-02-02", "2025-01-01", true],
  ])("%s", (_c, startedOn, completedOn, first, inYear) => {
    expect(firstReachedOn({ startedOn, completedOn })).toBe(first);
    expect(reachedInYearOf([row(1, startedOn, completedOn)], 2025)).toBe(inYear ? 1 : 0);
  });

  it("counts a person with two employments once", () => {
    const rows = [row(1, "2025-05-01", null, "/1/2/"), row(1, "2025-05-01", null, "/1/3/")];
    expect(reachedInYearOf(rows, 2025)).toBe(1);
  });
});
