/**
 * The annual report (DESIGN.md, "Figures"): everything as of Y-12-31 for the mandatory
 * course, deepened attendance during Y, per unit, and the difference to Y−1.
 */
import { coverageOf, reachedInYearOf, type StaffCourseFacts, type UnitRef } from "./coverage";
import { type DeepenedEvent, deepenedIn } from "./deepened";

export interface AnnualFigures {
  headcount: number;
  reached: number;
  completed: number;
  reachedInYear: number;
  deepened: number;
}

export const ANNUAL_FIGURE_KEYS = [
  "headcount",
  "reached",
  "completed",
  "reachedInYear",
  "deepened",
] as const satisfies ReadonlyArray<keyof AnnualFigures>;

export function yearEnd(year: number): string {
  return `${year}-12-31`;
}

/**
 * Figures for year `year`. `staff` are the people employed on Y-12-31 (one row per
 * employment, as loaded); `deepened` the deepened-course completion events (any dates).
 * `asOf` is earlier than the year's end only for a year still in progress (preliminary).
 */
export function annualFigures(
  staff: readonly StaffCourseFacts[],
  deepened: readonly DeepenedEvent[],
  year: number,
  unitPath?: string,
  asOf: string = yearEnd(year),
): AnnualFigures {
  const rows =
    unitPath === undefined ? staff : staff.filter((r) => r.unitPath.startsWith(unitPath));
  const c = coverageOf(rows, asOf);
  return {
    headcount: c.headcount,
    reached: c.reached,
    completed: c.completed,
    reachedInYear: reachedInYearOf(rows, year),
    deepened: deepenedIn(deepened, year, unitPath),
  };
}

export interface AnnualUnitRow extends AnnualFigures {
  unit: UnitRef;
}

/** One row per unit (each counting its whole subtree). */
export function annualByUnit(
  staff: readonly StaffCourseFacts[],
  deepened: readonly DeepenedEvent[],
  units: readonly UnitRef[],
  year: number,
  asOf: string = yearEnd(year),
): AnnualUnitRow[] {
  return units.map((unit) => ({
    unit,
    ...annualFigures(staff, deepened, year, unit.path, asOf),
  }));
}

/** current − previous for every figure (positive = more than last time). */
export function figureDifference(current: AnnualFigures, previous: AnnualFigures): AnnualFigures {
  const diff = {} as AnnualFigures;
  for (const key of ANNUAL_FIGURE_KEYS) diff[key] = current[key] - previous[key];
  return diff;
}

/** True when two sets of figures are equal in every figure. */
export function sameFigures(a: AnnualFigures, b: AnnualFigures): boolean {
  return ANNUAL_FIGURE_KEYS.every((k) => a[k] === b[k]);
}
