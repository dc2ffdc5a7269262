/**
 * The annual report for year Y (DESIGN.md, "Figures"): as of Y-12-31, per unit, the
 * difference to Y−1, and the locked figure once ledning has locked it. Three queries: the
 * employments overlapping both year ends, the deepened events of both years, the units.
 */
import { and, eq } from "drizzle-orm";
import { MANDATORY_COURSE_ID } from "../../courses/catalogue";
import type { Db } from "../../db/client";
import { annualReports, users } from "../../db/schema";
import type { Scope } from "../auth/scope";
import {
  type AnnualFigures,
  type AnnualUnitRow,
  annualByUnit,
  annualFigures,
  figureDifference,
  yearEnd,
} from "../domain/annual";
import type { LockedFigures } from "../domain/annual-lock";
import type { UnitRef } from "../domain/coverage";
import { employedOn } from "../domain/coverage";
import { countedOn } from "../domain/requirements";
import type { DeepenedCourseSection } from "../domain/requirements-annual";
import { annualSentence } from "../domain/sentence";
import { deepenedCourseSections } from "./coverage-annual";
import { loadCourseFacts } from "./coverage-target-group";
import { loadDeepenedEvents } from "./facts";
import { childUnits } from "./units";

export interface AnnualReport extends AnnualFigures {
  year: number;
  asOf: string;
  course: string;
  sentence: string;
  units: Array<AnnualUnitRow & { difference: AnnualFigures }>;
  previous: AnnualFigures;
  /** this year − previous year */
  difference: AnnualFigures;
  /** One section per deepened course ("X av Y i målgruppen har gått …"). */
  deepenedCourses: DeepenedCourseSection[];
}

export type { LockedFigures };

export interface LockedReport {
  year: number;
  asOf: string;
  figures: LockedFigures;
  sentence: string;
  lockedAt: string | null;
  lockedBy: string | null;
}

export async function computeAnnualReport(
  db: Db,
  scope: Scope,
  q: { year: number; courseId?: string; unit?: UnitRef | null; asOf?: string },
): Promise<AnnualReport> {
  const course = q.courseId ?? MANDATORY_COURSE_ID;
  const { year } = q;
  // A year in progress is counted as of today (preliminary); otherwise as of its end.
  const asOf = q.asOf ?? yearEnd(year);
  const unitPath = q.unit?.path;
  const [{ facts, group }, deepened, units, deepenedCourses] = await Promise.all([
    loadCourseFacts(db, scope, {
      from: yearEnd(year - 1),
      to: asOf,
      courseId: course,
      unitPath,
    }),
    loadDeepenedEvents(db, scope, { from: `${year - 1}-01-01`, to: asOf, unitPath }),
    childUnits(db, scope, q.unit ?? null),
    deepenedCourseSections(db, scope, { year, unit: q.unit ?? null }),
  ]);
  // Within the mandatory course's target group (everyone by default: then exactly as before).
  const staff = countedOn(group, employedOn(facts, asOf), asOf);
  const staffBefore = countedOn(group, employedOn(facts, yearEnd(year - 1)), yearEnd(year - 1));
  const figures = annualFigures(staff, deepened, year, undefined, asOf);
  const previous = annualFigures(staffBefore, deepened, year - 1);
  const unitsBefore = annualByUnit(staffBefore, deepened, units, year - 1);
  return {
    year,
    asOf,
    course,
    ...figures,
    sentence: annualSentence(figures),
    units: annualByUnit(staff, deepened, units, year, asOf).map((row, i) => ({
      ...row,
      difference: figureDifference(row, unitsBefore[i]!),
    })),
    previous,
    difference: figureDifference(figures, previous),
    deepenedCourses,
  };
}

export function lockedFiguresOf(report: AnnualReport): LockedFigures {
  const { headcount, reached, completed, reachedInYear, deepened } = report;
  return {
    headcount,
    reached,
    completed,
    reachedInYear,
    deepened,
    units: report.units.map(({ unit, difference: _difference, ...f }) => ({
      id: unit.id,
      code: unit.code,
      name: unit.name,
      ...f,
    })),
  };
}

export async function getLockedReport(
  db: Db,
  year: number,
  courseId = MANDATORY_COURSE_ID,
): Promise<LockedReport | null> {
  const [row] = await db
    .select({
      year: annualReports.year,
      asOf: annualReports.asOf,
      figures: annualReports.figures,
      sentence: annualReports.sentence,
      lockedAt: annualReports.lockedAt,
      lockedBy: users.name,
    })
    .from(annualReports)
    .leftJoin(users, eq(users.id, annualReports.lockedBy))
    .where(and(eq(annualReports.year, year), eq(annualReports.courseId, courseId)))
    .limit(1);
  if (!row) return null;
  return { ...row, figures: row.figures as unknown as LockedFigures };
}
