import { describe, expect, it } from "vitest";
import type { AnnualFigures } from "../../src/domain/annual";
import type { CoverageFigures, UnitRef } from "../../src/domain/coverage";
import { annualExportTable, coverageExportTable } from "../../src/domain/export-tables";

const unit = (id: number, code: string | null, name: string): UnitRef => ({
  id,
  code,
  name,
  path: `/1/${id}/`,
});
const cov = (headcount: number, reached: number, completed: number): CoverageFigures => ({
  headcount,
  reached,
  completed,
  notStarted: headcount - reached,
  percentReached: headcount === 0 ? null : Math.round((reached / headcount) * 1000) / 10,
});
const annual = (headcount: number, reached: number): AnnualFigures => ({
  headcount,
  reached,
  completed: 0,
  reachedInYear: reached,
  deepened: 0,
});
const ZERO = annual(0, 0);

describe("coverageExportTable: the total first, then the units", () => {
  const A = unit(2, "A", "Enhet A");
  const B = unit(3, null, "Enhet B");
  it.each([
    [
      "the whole organisation",
      {
        unit: null,
        ...cov(6, 4, 3),
        children: [
          { unit: A, ...cov(4, 3, 3) },
          { unit: B, ...cov(2, 1, 0) },
        ],
      },
      "Totalt",
      [
        ["Totalt", null, 6, 4],
        ["Enhet A", "A", 4, 3],
        ["Enhet B", null, 2, 1],
      ],
    ],
    [
      "a unit without sub-units lists itself, its code on both rows",
      { unit: A, ...cov(4, 3, 3), children: [] },
      "Enhet A totalt",
      [
        ["Enhet A totalt", "A", 4, 3],
        ["Enhet A", "A", 4, 3],
      ],
    ],
    [
      "nothing visible at all: the total only",
      { unit: null, ...cov(0, 0, 0), children: [] },
      "Totalt",
      [["Totalt", null, 0, 0]],
    ],
  ])("%s", (_, result, label, expected) => {
    const table = coverageExportTable(result, "2025-12-31", label);
    expect(table.rows.map((r) => [r[0], r[1], r[3], r[4]])).toEqual(expected);
    expect(table.kinds).toHaveLength(table.header.length);
    expect(table.rows.every((r) => r[2] === "2025-12-31")).toBe(true);
  });
});

describe("annualExportTable", () => {
  it("puts the unit's code on its total row and lists a leaf unit itself", () => {
    const A = unit(2, "A", "Enhet A");
    const table = annualExportTable(
      { year: 2025, unit: A, ...annual(3, 2), units: [], difference: annual(0, 1) },
      "Enhet A totalt",
    );
    expect(table.rows).toEqual([
      ["Enhet A totalt", "A", "2025-12-31", 3, 2, 0, 2, 0, 66.7, 1],
      ["Enhet A", "A", "2025-12-31", 3, 2, 0, 2, 0, 66.7, 1],
    ]);
    expect(table.kinds).toEqual([
      "text",
      "id",
      "date",
      "count",
      "count",
      "count",
      "count",
      "count",
      "percent",
      "count",
    ]);
  });

  it("for the organisation: total without a code, then each unit with its own change", () => {
    const table = annualExportTable(
      {
        year: 2025,
        ...annual(5, 3),
        difference: annual(1, 2),
        units: [{ unit: unit(2, "A", "Enhet A"), ...annual(5, 3), difference: ZERO }],
      },
      "Totalt",
    );
    expect(table.rows.map((r) => [r[0], r[1], r[9]])).toEqual([
      ["Totalt", null, 2],
      ["Enhet A", "A", 0],
    ]);
  });
});
