import { describe, expect, it } from "vitest";
import { coverageOf, employedOn } from "../../src/domain/coverage";
import { coverageTrend, monthEnd, trendDates } from "../../src/domain/trend";
import { smallOrgEmploymentFacts } from "../fixtures/small-org-facts";

describe("monthEnd", () => {
  it.each([
    ["2025-01-15", "2025-01-31"],
    ["2024-02-01", "2024-02-29"],
    ["2025-02-28", "2025-02-28"],
    ["2025-12-01", "2025-12-31"],
    ["2025-04-30", "2025-04-30"],
  ])("%s → %s", (d, expected) => {
    expect(monthEnd(d)).toBe(expected);
  });
});

describe("trendDates", () => {
  it.each([
    ["2025-01-01", "2025-03-31", ["2025-01-31", "2025-02-28", "2025-03-31"]],
    ["2025-11-10", "2026-01-15", ["2025-11-30", "2025-12-31", "2026-01-15"]],
    ["2025-05-05", "2025-05-05", ["2025-05-05"]],
    ["2025-06-01", "2025-05-01", []],
  ])("%s … %s", (from, to, expected) => {
    expect(trendDates(from, to)).toEqual(expected);
  });
});

describe("coverageTrend of the small organisation", () => {
  it("follows hires, leavers and course events month by month", () => {
    const points = coverageTrend(smallOrgEmploymentFacts(), [
      "2025-01-31",
      "2025-03-31",
      "2025-06-30",
      "2025-07-31",
      "2025-12-31",
      "2026-01-31",
      "2026-04-30",
    ]);
    expect(points.map((p) => [p.date, p.headcount, p.reached, p.completed])).toEqual([
      // Everyone but Dan is employed; Eva started in 2024.
      ["2025-01-31", 7, 1, 0],
      // + Cilla completed (Feb), Anna started and completed (Mar).
      ["2025-03-31", 7, 3, 2],
      // + Gun completed (May); Cilla's last day is 30 June.
      ["2025-06-30", 7, 4, 3],
      ["2025-07-31", 6, 3, 2],
      // + Eva completed (Oct), Fred started on 31 Dec.
      ["2025-12-31", 6, 4, 3],
      // + Fred and Hans completed (Jan).
      ["2026-01-31", 6, 5, 5],
      // + Dan hired (Feb) and started (Mar); Gun left 31 March.
      ["2026-04-30", 6, 5, 4],
    ]);
  });
});

describe("coverageTrend equals the as-of definition on every date", () => {
  it("agrees with coverageOf(employedOn(rows, D), D), two employments and moves included", () => {
    const rows = [
      ...smallOrgEmploymentFacts(),
      // A second, concurrent employment for person 2 (Bo) from mid-2025.
      {
        ...smallOrgEmploymentFacts()[1]!,
        unitId: 3,
        unitPath: "/1/3/",
        validFrom: "2025-07-01",
        validTo: null,
      },
    ];
    const dates = trendDates("2019-06-01", "2027-02-15");
    expect(coverageTrend(rows, dates)).toEqual(
      dates.map((date) => ({ date, ...coverageOf(employedOn(rows, date), date) })),
    );
  });
});
