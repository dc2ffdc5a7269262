/**
 * The aggregate loaders every figure is computed from (one query each, no per-person round
 * trips). Each goes through `unitScopeFilter`, so a chef's figures only ever contain their
 * subtrees.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { type Scope, unitScopeFilter } from "../auth/scope";
import type { EmploymentFacts } from "../domain/coverage";
import type { DeepenedEvent } from "../domain/deepened";

/**
 * Each person's earliest start and completion of one course, as two columns. The correlated
 * MIN() subqueries are index seeks on completions_event_uq (person, course, kind, date), so
 * their cost follows the employments loaded, not the size of the completions table.
 */
export function firstDateColumns(courseId: string, personId: SQL, named = false): SQL {
  const started = sql`(SELECT MIN(c.date) FROM completions c
      WHERE c.person_id = ${personId} AND c.course_id = ${courseId} AND c.kind = 'started')`;
  const completed = sql`(SELECT MIN(c.date) FROM completions c
      WHERE c.person_id = ${personId} AND c.course_id = ${courseId} AND c.kind = 'completed')`;
  return named
    ? sql`${started} AS started_on, ${completed} AS completed_on`
    : sql`${started}, ${completed}`;
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
  // One JSON array in one row instead of one result row per employment: materialising
  // thousands of rows in the libSQL client cost ~6× more than JSON.parse (bench/RESULTS.md),
  // and over HTTP it is one compact payload.
  const [result] = await db.all<{ facts: string }>(sql`
    SELECT json_group_array(json_array(
      e.id, e.person_id, e.unit_id, u.path, e.valid_from, e.valid_to,
      ${firstDateColumns(q.courseId, sql`e.person_id`)}, e.title
    )) AS facts
    FROM employments e
    JOIN units u ON u.id = e.unit_id
    WHERE e.valid_from <= ${q.to}
      AND (e.valid_to IS NULL OR e.valid_to >= ${q.from})
      AND ${unitScopeFilter(scope, sql`u.path`)}
      ${subtreeFilter(q.unitPath)}
  `);
  const tuples = JSON.parse(result?.facts ?? "[]") as FactTuple[];
  // Deterministic order (person, period start, employment id) whatever the query plan.
  tuples.sort((a, b) => a[1] - b[1] || (a[4] < b[4] ? -1 : a[4] > b[4] ? 1 : 0) || a[0] - b[0]);
  return tuples.map(
    ([, personId, unitId, unitPath, validFrom, validTo, startedOn, completedOn, title]) => ({
      personId,
      unitId,
      unitPath,
      validFrom,
      validTo,
      startedOn,
      completedOn,
      title,
    }),
  );
}

type FactTuple = [
  employmentId: number,
  personId: number,
  unitId: number,
  unitPath: string,
  validFrom: string,
  validTo: string | null,
  startedOn: string | null,
  completedOn: string | null,
  /** Befattning, for the requirement rules' title patterns. */
  title: string | null,
];

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
