/**
 * Coverage with its trend for the web page: one employment query over the trend's range
 * gives both the figures on the as-of date and every month end before it.
 */
import { MANDATORY_COURSE_ID } from "../../courses/catalogue";
import type { Db } from "../../db/client";
import type { Scope } from "../auth/scope";
import type { UnitRef } from "../domain/coverage";
import { type DeepenedRow, deepenedByUnitAndYear } from "../domain/deepened";
import { courseTrend } from "../domain/requirements-figures";
import { type TrendPoint, trendDates } from "../domain/trend";
import { type CoverageResult, coverageResult } from "./coverage";
import { loadCourseFacts } from "./coverage-target-group";
import { loadDeepenedEvents } from "./facts";
import { childUnits } from "./units";

export interface CoverageWithTrend {
  result: CoverageResult;
  trend: TrendPoint[];
  /** Deepened-course attendance per child unit and year of the trend's range. */
  deepened: { years: number[]; rows: Array<DeepenedRow<UnitRef>> };
}

/** The trend starts on 1 January of the year before the as-of date (up to 24 points). */
export function trendStart(asOf: string): string {
  return `${Number(asOf.slice(0, 4)) - 1}-01-01`;
}

export async function getCoverageWithTrend(
  db: Db,
  scope: Scope,
  q: { asOf: string; unit: UnitRef | null; courseId?: string },
): Promise<CoverageWithTrend> {
  const course = q.courseId ?? MANDATORY_COURSE_ID;
  const from = trendStart(q.asOf);
  const unitPath = q.unit?.path;
  const [{ facts, group, ruleCount }, children, events] = await Promise.all([
    loadCourseFacts(db, scope, { from, to: q.asOf, courseId: course, unitPath }),
    childUnits(db, scope, q.unit),
    loadDeepenedEvents(db, scope, { from, to: q.asOf, unitPath }),
  ]);
  const years = [Number(from.slice(0, 4)), Number(q.asOf.slice(0, 4))];
  return {
    deepened: { years, rows: deepenedByUnitAndYear(events, children, years) },
    result: coverageResult(facts, children, {
      asOf: q.asOf,
      course,
      unit: q.unit,
      group,
      ruleCount,
    }),
    trend: courseTrend(group, facts, trendDates(from, q.asOf)),
  };
}
