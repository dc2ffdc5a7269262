/** The people of a unit subtree on a date, with their course status (one query). */
import { sql } from "drizzle-orm";
import { MANDATORY_COURSE_ID } from "../../courses/catalogue";
import type { Db } from "../../db/client";
import { type Scope, unitScopeFilter } from "../auth/scope";
import type { UnitRef } from "../domain/coverage";
import { type PersonRequirement, sortsWithRequirement } from "../domain/requirements-person";
import {
  filterStaff,
  queryStaff,
  type StaffFilter,
  type StaffPage,
  type StaffQuery,
  sortStaff,
} from "../domain/staff-query";
import { type StaffRow, type StaffStatus, staffStatus } from "../domain/staff-status";
import { getStaffRequirements } from "./coverage-person";
import { firstDateColumns, subtreeFilter } from "./facts";

export async function loadStaffRows(
  db: Db,
  scope: Scope,
  q: { unit: UnitRef | null; asOf: string; courseId: string },
): Promise<StaffRow[]> {
  // One JSON array in one row, as in facts.ts: materialising 5 000 result rows in the libSQL
  // client costs several times more than JSON.parse, and over HTTP it is one payload.
  const [result] = await db.all<{ rows: string }>(sql`
    SELECT json_group_array(json_array(
      p.id, p.employee_no, p.first_name, p.last_name, p.email, e.title,
      u.name, u.code, e.valid_from, e.extent,
      ${otherUnitsColumn(q.unit?.path, q.asOf)},
      ${firstDateColumns(q.courseId, sql`e.person_id`)},
      e.id
    )) AS rows
    FROM employments e
    JOIN people p ON p.id = e.person_id
    JOIN units u ON u.id = e.unit_id
    WHERE e.valid_from <= ${q.asOf}
      AND (e.valid_to IS NULL OR e.valid_to >= ${q.asOf})
      AND ${unitScopeFilter(scope, sql`u.path`)}
      ${subtreeFilter(q.unit?.path)}
  `);
  const tuples = JSON.parse(result?.rows ?? "[]") as StaffTuple[];
  // Person, then unit name, then employment: staffStatus keeps the first post's details.
  tuples.sort((a, b) => a[0] - b[0] || (a[6] < b[6] ? -1 : a[6] > b[6] ? 1 : 0) || a[13] - b[13]);
  return tuples.map((r) => ({
    personId: r[0],
    employeeNo: r[1],
    firstName: r[2],
    lastName: r[3],
    email: r[4],
    title: r[5],
    unitName: r[6],
    unitCode: r[7],
    validFrom: r[8],
    extent: r[9],
    otherUnits: r[10],
    startedOn: r[11],
    completedOn: r[12],
  }));
}

type StaffTuple = [
  personId: number,
  employeeNo: string | null,
  firstName: string,
  lastName: string,
  email: string | null,
  title: string | null,
  unitName: string,
  unitCode: string | null,
  validFrom: string,
  extent: number | null,
  otherUnits: string | null,
  startedOn: string | null,
  completedOn: string | null,
  employmentId: number,
];

/**
 * The person's other units on the date, outside this subtree ("även Nattpatrullen"): only
 * their names, whatever the scope — a chef sees where else someone works, not that unit's data.
 */
function otherUnitsColumn(unitPath: string | undefined, asOf: string) {
  if (!unitPath) return sql`NULL`;
  return sql`(SELECT group_concat(u2.name, ', ') FROM employments e2
      JOIN units u2 ON u2.id = e2.unit_id
      WHERE e2.person_id = e.person_id AND e2.valid_from <= ${asOf}
        AND (e2.valid_to IS NULL OR e2.valid_to >= ${asOf})
        AND u2.path NOT LIKE ${`${unitPath}%`})`;
}

/** Everyone in the unit's subtree (or, with no unit, the whole scope) on the date. */
export async function getStaffStatus(
  db: Db,
  scope: Scope,
  q: { unit: UnitRef | null; asOf: string; courseId?: string },
): Promise<StaffStatus[]> {
  const rows = await loadStaffRows(db, scope, {
    unit: q.unit,
    asOf: q.asOf,
    courseId: q.courseId ?? MANDATORY_COURSE_ID,
  });
  return staffStatus(rows, q.asOf);
}

type StaffListQuery = { unit: UnitRef; asOf: string; courseId: string };

/**
 * The unit's staff for a course with, when a target group applies, each person's requirement
 * and sort keys where "status" puts overdue people first (the chef's follow-up). The page and
 * its export both sort through this, so the export keeps the page's order.
 */
async function staffForCourse(db: Db, scope: Scope, q: StaffListQuery) {
  const [rows, requirements] = await Promise.all([
    getStaffStatus(db, scope, q),
    getStaffRequirements(db, scope, q),
  ]);
  return requirements.applies
    ? {
        rows,
        requirements: requirements.byPerson,
        sorts: sortsWithRequirement(requirements.byPerson),
      }
    : { rows, requirements: null, sorts: undefined };
}

/** One page of the staff list as searched and sorted (the page the web shows). */
export async function getStaffPage(
  db: Db,
  scope: Scope,
  q: StaffListQuery & { query: StaffQuery },
): Promise<{
  result: StaffPage<StaffStatus>;
  requirements: ReadonlyMap<number, PersonRequirement> | null;
}> {
  const { rows, requirements, sorts } = await staffForCourse(db, scope, q);
  return { result: queryStaff(rows, q.query, sorts), requirements };
}

/** Every row the filter matches, in the page's order, without paging (what the export holds). */
export async function getStaffSelection(
  db: Db,
  scope: Scope,
  q: StaffListQuery & { query: StaffFilter & Pick<StaffQuery, "sort" | "direction"> },
): Promise<StaffStatus[]> {
  const { rows, sorts } = await staffForCourse(db, scope, q);
  return sortStaff(filterStaff(rows, q.query), q.query.sort, q.query.direction, sorts);
}
