import { describe, expect, it } from "vitest";
import {
  type AnnualFigures,
  annualByUnit,
  annualFigures,
  figureDifference,
  sameFigures,
  yearEnd,
} from "../../src/domain/annual";
import { employedOn } from "../../src/domain/coverage";
import { annualSentence } from "../../src/domain/sentence";
import { SMALL_EXPECTED, SMALL_UNITS } from "../fixtures/small-org";
import { smallOrgDeepenedEvents, smallOrgEmploymentFacts } from "../fixtures/small-org-facts";

const facts = smallOrgEmploymentFacts();
const deepened = smallOrgDeepenedEvents();

describe("annual figures of the small organisation (see test/fixtures/small-org.ts)", () => {
  it.each([2025, 2026] as const)("%i: totals, per unit and sentence", (year) => {
    const staff = employedOn(facts, yearEnd(year));
    const expected = SMALL_EXPECTED[year];
    const total = annualFigures(staff, deepened, year);
    expect(total).toEqual(expected.total);
    const [a, b] = annualByUnit(staff, deepened, [SMALL_UNITS.A, SMALL_UNITS.B], year);
    expect({ ...a, unit: undefined }).toEqual({ ...expected.A, unit: undefined });
    expect({ ...b, unit: undefined }).toEqual({ ...expected.B, unit: undefined });
    expect(annualSentence(total)).toBe(expected.sentence);
  });

  // Before 2025 all but Dan were employed (7 people); Eva started in 2024, Bo attended a
  // deepened course in 2024.
  it.each([
    [2023, { headcount: 7, reached: 0, completed: 0, reachedInYear: 0, deepened: 0 }],
    [2024, { headcount: 7, reached: 1, completed: 0, reachedInYear: 1, deepened: 1 }],
    [2027, { headcount: 6, reached: 5, completed: 4, reachedInYear: 0, deepened: 0 }],
  ])("%i", (year, expected) => {
    expect(annualFigures(employedOn(facts, yearEnd(year)), deepened, year)).toEqual(expected);
  });
});

describe("figureDifference", () => {
  const f = (h: number, r: number, c: number, y: number, d: number): AnnualFigures => ({
    headcount: h,
    reached: r,
    completed: c,
    reachedInYear: y,
    deepened: d,
  });
  it.each([
    ["growth", f(1000, 242, 200, 242, 20), f(980, 0, 0, 0, 18), f(20, 242, 200, 242, 2)],
    ["decline", f(900, 300, 250, 58, 10), f(1000, 242, 200, 242, 20), f(-100, 58, 50, -184, -10)],
    ["unchanged", f(5, 1, 1, 1, 0), f(5, 1, 1, 1, 0), f(0, 0, 0, 0, 0)],
  ])("%s", (_c, current, previous, diff) => {
    expect(figureDifference(current, previous)).toEqual(diff);
    expect(sameFigures(current, previous)).toBe(Object.values(diff).every((v) => v === 0));
  });
});
