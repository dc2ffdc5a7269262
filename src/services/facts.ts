/**
 * The aggregate loaders every figure is computed from (one query each, no per-person round
 * trips). Each goes through `unitScopeFilter`, so a chef's figures only ever contain their
 * subtrees.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { EmploymentFacts } from "../domain/coverage";
import type { DeepenedEvent } from "../domain/deepened";
import { type Scope, unitScopeFilter } from "./scope";

/**
 * Each person's earliest start and completion of one course, as two columns. Correlated
 * MIN() subqueries are index seeks on completions_event_uq (person, course, kind, date) —
 * measured faster than a GROUP BY over all completions (bench/RESULTS.md).
 */
export function firstDateColumns(courseId: string, personId: SQL): SQL {
  return sql`(SELECT MIN(c.date) FROM completions c
      WHERE c.person_id = ${personId} AND c.course_id = ${courseId} AND c.kind = 'started') AS started_on,
    (SELECT MIN(c.date) FROM completions c
      WHERE c.person_id = ${personId} AND c.course_id = ${courseId} AND c.kind = 'completed') AS completed_on`;
}

/** `u.path` inside `unitPath`'s subtree, or no restriction. Paths are digits and slashes. */
export function subtreeFilter(unitPath: string | undefined): SQL {
  return unitPath ? sql`AND u.path LIKE ${`${unitPath}%`}` : sql``;
}

export interface FactsQuery {
  /** Employments overlapping [from, to] are loaded. */
  from: string;
  to: string;
  courseId: string;
  unitPath?: string;
}

/**
 * Employment periods overlapping [from, to] inside scope (and unit), each with the person's
 * earliest start/completion of the course. Filter with `employedOn(rows, D)` for any D in
 * the range. Ordered by person, then period, so results are deterministic.
 */
export async function loadEmploymentFacts(
  db: Db,
  scope: Scope,
  q: FactsQuery,
): Promise<EmploymentFacts[]> {
  const rows = await db.all<{
    person_id: number;
    unit_id: number;
    unit_path: string;
    valid_from: string;
    valid_to: string | null;
    started_on: string | null;
    completed_on: string | null;
  }>(sql`
    SELECT e.person_id, e.unit_id, u.path AS unit_path, e.valid_from, e.valid_to,
      ${firstDateColumns(q.courseId, sql`e.person_id`)}
    FROM employments e
    JOIN units u ON u.id = e.unit_id
    WHERE e.valid_from <= ${q.to}
      AND (e.valid_to IS NULL OR e.valid_to >= ${q.from})
      AND ${unitScopeFilter(scope, sql`u.path`)}
      ${subtreeFilter(q.unitPath)}
    ORDER BY e.person_id, e.valid_from, e.id
  `);
  return rows.map((r) => ({
    personId: r.person_id,
    unitId: r.unit_id,
    unitPath: r.unit_path,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    startedOn: r.started_on,
    completedOn: r.completed_on,
  }));
}

/**
 * Deepened-course completion events dated in [from, to], each with the unit of the
 * employment covering its date. With the whole organisation in scope, events of people
 * without an employment on that date are included too (unitPath null): deepened(Y) counts
 * everyone who attended. A chef sees only events attributed to their subtrees.
 */
export async function loadDeepenedEvents(
  db: Db,
  scope: Scope,
  q: { from: string; to: string; unitPath?: string },
): Promise<DeepenedEvent[]> {
  const rows = await db.all<{
    person_id: number;
    course_id: string;
    date: string;
    unit_path: string | null;
  }>(sql`
    SELECT c.person_id, c.course_id, c.date, u.path AS unit_path
    FROM completions c
    JOIN courses k ON k.id = c.course_id AND k.kind = 'deepened'
    LEFT JOIN employments e ON e.person_id = c.person_id
      AND e.valid_from <= c.date AND (e.valid_to IS NULL OR e.valid_to >= c.date)
    LEFT JOIN units u ON u.id = e.unit_id
    WHERE c.kind = 'completed' AND c.date >= ${q.from} AND c.date <= ${q.to}
      AND ${unitScopeFilter(scope, sql`u.path`)}
      ${subtreeFilter(q.unitPath)}
    ORDER BY c.date, c.person_id
  `);
  return rows.map((r) => ({
    personId: r.person_id,
    courseId: r.course_id,
    date: r.date,
    unitPath: r.unit_path,
  }));
}
