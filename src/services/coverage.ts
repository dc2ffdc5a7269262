/**
 * Coverage use case: load, in one aggregate query, the people employed on a date with their
 * earliest start/completion of a course, and the course's target group (rules, exemptions);
 * the figures themselves come from src/domain (coverage.ts, requirements*.ts).
 */
import { MANDATORY_COURSE_ID } from "../../courses/catalogue";
import type { Db } from "../../db/client";
import type { Scope } from "../auth/scope";
import type { StaffCourseFacts, UnitRef } from "../domain/coverage";
import {
  isEveryoneWithoutExceptions,
  type TargetGroup,
  targetGroupOn,
} from "../domain/requirements";
import {
  type CourseFigures,
  courseFiguresByUnit,
  courseFiguresOf,
} from "../domain/requirements-figures";
import { loadCourseFacts } from "./coverage-target-group";
import { childUnits } from "./units";

export interface CoverageQuery {
  asOf: string;
  courseId?: string;
  /** Restrict to this unit's subtree (already resolved and scope-checked). */
  unit?: UnitRef | null;
}

export interface CoverageResult extends CourseFigures {
  unit: UnitRef | null;
  asOf: string;
  course: string;
  /** How many requirement rules the course has (0 = nobody is required). */
  ruleCount: number;
  /**
   * False when the course's rules are "everyone" without deadline and nobody is exempt: the
   * figures are then exactly today's, and pages need no overdue/exempt columns.
   */
  targetGroupApplies: boolean;
  children: Array<{ unit: UnitRef } & CourseFigures>;
}

export async function getCoverage(db: Db, scope: Scope, q: CoverageQuery): Promise<CoverageResult> {
  const course = q.courseId ?? MANDATORY_COURSE_ID;
  const unit = q.unit ?? null;
  const [{ facts, group, ruleCount }, children] = await Promise.all([
    loadCourseFacts(db, scope, {
      from: q.asOf,
      to: q.asOf,
      courseId: course,
      unitPath: unit?.path,
    }),
    childUnits(db, scope, unit),
  ]);
  return coverageResult(facts, children, { asOf: q.asOf, course, unit, group, ruleCount });
}

/**
 * The one place coverage figures are assembled (home page, coverage page, CLI, exports).
 * `rows` may hold periods around the date: only those covering it count.
 */
export function coverageResult(
  rows: ReadonlyArray<StaffCourseFacts & { validFrom: string; validTo: string | null }>,
  children: readonly UnitRef[],
  q: { asOf: string; course: string; unit: UnitRef | null; group: TargetGroup; ruleCount: number },
): CoverageResult {
  const onDate = rows.filter(
    (r) => r.validFrom <= q.asOf && (r.validTo === null || r.validTo >= q.asOf),
  );
  const target = targetGroupOn(q.group, onDate, q.asOf);
  return {
    unit: q.unit,
    asOf: q.asOf,
    course: q.course,
    ruleCount: q.ruleCount,
    targetGroupApplies: !isEveryoneWithoutExceptions(q.group),
    ...courseFiguresOf(target, q.asOf),
    children: courseFiguresByUnit(target, children, q.asOf),
  };
}
