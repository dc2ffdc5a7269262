/**
 * Coverage use case: load, in one aggregate query, the people employed on a date with their
 * earliest start/completion of a course; the figures themselves come from src/domain/coverage.
 */
import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import { MANDATORY_COURSE_ID } from "../../courses/catalogue";
import type { Db } from "../../db/client";
import { units } from "../../db/schema";
import {
  type CoverageFigures,
  coverageByUnit,
  coverageOf,
  type StaffCourseFacts,
  type UnitRef,
} from "../domain/coverage";
import { type Scope, unitScopeFilter } from "./scope";

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

/** People employed on `asOf` inside scope (and unit), with earliest dates for the course. */
export async function loadStaffFacts(
  db: Db,
  scope: Scope,
  q: { asOf: string; courseId: string; unitPath?: string },
): Promise<StaffCourseFacts[]> {
  const unitFilter = q.unitPath ? sql`AND u.path LIKE ${`${q.unitPath}%`}` : sql``;
  const result = await db.all<{
    person_id: number;
    unit_id: number;
    unit_path: string;
    started_on: string | null;
    completed_on: string | null;
  }>(sql`
    SELECT e.person_id, e.unit_id, u.path AS unit_path,
      (SELECT MIN(c.date) FROM completions c
        WHERE c.person_id = e.person_id AND c.course_id = ${q.courseId} AND c.kind = 'started') AS started_on,
      (SELECT MIN(c.date) FROM completions c
        WHERE c.person_id = e.person_id AND c.course_id = ${q.courseId} AND c.kind = 'completed') AS completed_on
    FROM employments e
    JOIN units u ON u.id = e.unit_id
    WHERE e.valid_from <= ${q.asOf}
      AND (e.valid_to IS NULL OR e.valid_to >= ${q.asOf})
      AND ${unitScopeFilter(scope, sql`u.path`)}
      ${unitFilter}
  `);
  return result.map((r) => ({
    personId: r.person_id,
    unitId: r.unit_id,
    unitPath: r.unit_path,
    startedOn: r.started_on,
    completedOn: r.completed_on,
  }));
}

/** The units one level below `unit`, or the top of what the scope may see. */
export async function childUnits(db: Db, scope: Scope, unit: UnitRef | null): Promise<UnitRef[]> {
  const base = db
    .select({ id: units.id, code: units.code, name: units.name, path: units.path })
    .from(units);
  if (unit) {
    return base
      .where(and(eq(units.parentId, unit.id), unitScopeFilter(scope, units.path)))
      .orderBy(asc(units.name));
  }
  if (scope.kind === "all") return base.where(isNull(units.parentId)).orderBy(asc(units.name));
  // A chef's roots are the subtrees assigned to them. The scope filter stays in the query:
  // `or()` of no paths is no condition at all, which would list every unit.
  return base
    .where(
      and(unitScopeFilter(scope, units.path), or(...scope.paths.map((p) => eq(units.path, p)))),
    )
    .orderBy(asc(units.name));
}

/** Finds a unit by code (exact) or name (case-insensitive) inside the scope. */
export async function findUnit(db: Db, scope: Scope, codeOrName: string): Promise<UnitRef | null> {
  const needle = codeOrName.trim();
  const rows = await db
    .select({ id: units.id, code: units.code, name: units.name, path: units.path })
    .from(units)
    .where(
      and(
        or(eq(units.code, needle), sql`lower(${units.name}) = lower(${needle})`),
        unitScopeFilter(scope, units.path),
      ),
    )
    .orderBy(asc(units.path))
    .limit(1);
  return rows[0] ?? null;
}

export async function getCoverage(db: Db, scope: Scope, q: CoverageQuery): Promise<CoverageResult> {
  const course = q.courseId ?? MANDATORY_COURSE_ID;
  const unit = q.unit ?? null;
  const [rows, children] = await Promise.all([
    loadStaffFacts(db, scope, { asOf: q.asOf, courseId: course, unitPath: unit?.path }),
    childUnits(db, scope, unit),
  ]);
  return {
    unit,
    asOf: q.asOf,
    course,
    ...coverageOf(rows, q.asOf),
    children: coverageByUnit(rows, children, q.asOf),
  };
}
