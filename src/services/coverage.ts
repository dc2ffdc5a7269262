/**
 * Coverage use case: load, in one aggregate query, the people employed on a date with their
 * earliest start/completion of a course; the figures themselves come from src/domain/coverage.
 */
import { MANDATORY_COURSE_ID } from "../../courses/catalogue";
import type { Db } from "../../db/client";
import type { Scope } from "../auth/scope";
import {
  type CoverageFigures,
  coverageByUnit,
  coverageOf,
  type StaffCourseFacts,
  type UnitRef,
} from "../domain/coverage";
import { loadEmploymentFacts } from "./facts";
import { childUnits } from "./units";

export interface CoverageQuery {
  asOf: string;
  courseId?: string;
  /** Restrict to this unit's subtree (already resolved and scope-checked). */
  unit?: UnitRef | null;
}

export interface CoverageResult extends CoverageFigures {
  unit: UnitRef | null;
  asOf: string;
  course: string;
  children: Array<{ unit: UnitRef } & CoverageFigures>;
}

export async function getCoverage(db: Db, scope: Scope, q: CoverageQuery): Promise<CoverageResult> {
  const course = q.courseId ?? MANDATORY_COURSE_ID;
  const unit = q.unit ?? null;
  const [rows, children] = await Promise.all([
    loadEmploymentFacts(db, scope, {
      from: q.asOf,
      to: q.asOf,
      courseId: course,
      unitPath: unit?.path,
    }),
    childUnits(db, scope, unit),
  ]);
  return coverageResult(rows, children, { asOf: q.asOf, course, unit });
}

/** The one place coverage figures are assembled (home page, coverage page, CLI, exports). */
export function coverageResult(
  rows: readonly StaffCourseFacts[],
  children: readonly UnitRef[],
  q: { asOf: string; course: string; unit: UnitRef | null },
): CoverageResult {
  return {
    unit: q.unit,
    asOf: q.asOf,
    course: q.course,
    ...coverageOf(rows, q.asOf),
    children: coverageByUnit(rows, children, q.asOf),
  };
}
