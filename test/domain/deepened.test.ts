import { describe, expect, it } from "vitest";
import { type DeepenedEvent, deepenedByUnitAndYear, deepenedIn } from "../../src/domain/deepened";

const ev = (personId: number, date: string, unitPath: string | null = "/1/2/"): DeepenedEvent => ({
  personId,
  courseId: "vbe-fordjupning",
  date,
  unitPath,
});

describe("deepenedIn", () => {
  it.each<[string, DeepenedEvent[], number, string | undefined, number]>([
    ["nobody", [], 2025, undefined, 0],
    ["one attendance", [ev(1, "2025-05-01")], 2025, undefined, 1],
    [
      "same person twice in a year counts once",
      [ev(1, "2025-02-01"), ev(1, "2025-10-01")],
      2025,
      undefined,
      1,
    ],
    [
      "attended 2018 and 2019: counts in 2018",
      [ev(1, "2018-05-01"), ev(1, "2019-05-01")],
      2018,
      undefined,
      1,
    ],
    [
      "attended 2018 and 2019: counts in 2019",
      [ev(1, "2018-05-01"), ev(1, "2019-05-01")],
      2019,
      undefined,
      1,
    ],
    [
      "year boundaries",
      [ev(1, "2024-12-31"), ev(2, "2025-01-01"), ev(3, "2025-12-31"), ev(4, "2026-01-01")],
      2025,
      undefined,
      2,
    ],
    [
      "without an employment on the date: in the total",
      [ev(1, "2025-05-01", null)],
      2025,
      undefined,
      1,
    ],
    ["without an employment on the date: in no unit", [ev(1, "2025-05-01", null)], 2025, "/1/", 0],
    ["inside the subtree", [ev(1, "2025-05-01", "/1/2/7/")], 2025, "/1/2/", 1],
    ["/1/23/ is not under /1/2/", [ev(1, "2025-05-01", "/1/23/")], 2025, "/1/2/", 0],
  ])("%s", (_c, events, year, unitPath, expected) => {
    expect(deepenedIn(events, year, unitPath)).toBe(expected);
  });
});

describe("deepenedByUnitAndYear", () => {
  it("counts distinct people per unit and year, the total row first", () => {
    const events = [
      ev(1, "2025-03-01", "/1/2/"),
      ev(1, "2025-09-01", "/1/2/"),
      ev(1, "2026-03-01", "/1/2/"),
      ev(2, "2025-05-05", "/1/3/"),
      ev(3, "2026-01-10", null),
    ];
    const units = [
      { path: "/1/2/", name: "A" },
      { path: "/1/3/", name: "B" },
    ];
    expect(
      deepenedByUnitAndYear(events, units, [2025, 2026]).map((r) => [
        r.unit?.name ?? "alla",
        r.counts,
      ]),
    ).toEqual([
      ["alla", [2, 2]],
      ["A", [1, 1]],
      ["B", [1, 0]],
    ]);
  });
});
