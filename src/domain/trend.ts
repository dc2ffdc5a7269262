/**
 * Coverage over time: the same figures as on any as-of date, evaluated at month ends from
 * dated employments and course events.
 */
import { type CoverageFigures, coverageOf, type EmploymentFacts, employedOn } from "./coverage";
import { addDays } from "./dates";

export interface TrendPoint extends CoverageFigures {
  date: string;
}

/** Last day of the month that `date` (YYYY-MM-DD) lies in. */
export function monthEnd(date: string): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return addDays(next, -1);
}

/**
 * Month ends from the month of `from` up to `to`; `to` itself closes the series when it is
 * not a month end, so the last point is the as-of date.
 */
export function trendDates(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = monthEnd(from); d < to; d = monthEnd(addDays(d, 1))) dates.push(d);
  if (from <= to) dates.push(to);
  return dates;
}

export function coverageTrend(
  rows: readonly EmploymentFacts[],
  dates: readonly string[],
): TrendPoint[] {
  return dates.map((date) => ({ date, ...coverageOf(employedOn(rows, date), date) }));
}
