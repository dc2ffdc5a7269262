/** The people of a unit subtree on a date, with their course status (one query). */
import { sql } from "drizzle-orm";
import { MANDATORY_COURSE_ID } from "../../courses/catalogue";
import type { Db } from "../../db/client";
import { type Scope, unitScopeFilter } from "../auth/scope";
import type { UnitRef } from "../domain/coverage";
import {
  filterStaff,
  queryStaff,
  type StaffFilter,
  type StaffPage,
  type StaffQuery,
  sortStaff,
} from "../domain/staff-query";
import { type StaffRow, type StaffStatus, staffStatus } from "../domain/staff-status";
import { firstDateColumns, subtreeFilter } from "./facts";

export async function loadStaffRows(
  db: Db,
  scope: Scope,
  q: { unit: UnitRef | null; asOf: string; courseId: string },
): Promise<StaffRow[]> {
  const rows = await db.all<{
    person_id: number;
    employee_no: string | null;
    first_name: string;
    last_name: string;
    email: string | null;
    title: string | null;
    unit_name: string;
    unit_code: string | null;
    valid_from: string;
    extent: number | null;
    other_units: string | null;
    started_on: string | null;
    completed_on: string | null;
  }>(sql`
    SELECT p.id AS person_id, p.employee_no, p.first_name, p.last_name, p.email, e.title,
      u.name AS unit_name, u.code AS unit_code, e.valid_from, e.extent,
      ${otherUnitsColumn(q.unit?.path, q.asOf)},
      ${firstDateColumns(q.courseId, sql`e.person_id`, true)}
    FROM employments e
    JOIN people p ON p.id = e.person_id
    JOIN units u ON u.id = e.unit_id
    WHERE e.valid_from <= ${q.asOf}
      AND (e.valid_to IS NULL OR e.valid_to >= ${q.asOf})
      AND ${unitScopeFilter(scope, sql`u.path`)}
      ${subtreeFilter(q.unit?.path)}
    ORDER BY p.id, u.name, e.id
  `);
  return rows.map((r) => ({
    personId: r.person_id,
    employeeNo: r.employee_no,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    title: r.title,
    unitName: r.unit_name,
    unitCode: r.unit_code,
    validFrom: r.valid_from,
    extent: r.extent,
    otherUnits: r.other_units,
    startedOn: r.started_on,
    completedOn: r.completed_on,
  }));
}

/**
 * The person's other units on the date, outside this subtree ("även Nattpatrullen"): only
 * their names, whatever the scope — a chef sees where else someone works, not that unit's data.
 */
function otherUnitsColumn(unitPath: string | undefined, asOf: string) {
  if (!unitPath) return sql`NULL AS other_units`;
  return sql`(SELECT group_concat(u2.name, ', ') FROM employments e2
      JOIN units u2 ON u2.id = e2.unit_id
      WHERE e2.person_id = e.person_id AND e2.valid_from <= ${asOf}
        AND (e2.valid_to IS NULL OR e2.valid_to >= ${asOf})
        AND u2.path NOT LIKE ${`${unitPath}%`}) AS other_units`;
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

type StaffListQuery = { unit: UnitRef | null; asOf: string; courseId?: string };

/** One page of the staff list as searched and sorted (the page the web shows). */
export async function getStaffPage(
  db: Db,
  scope: Scope,
  q: StaffListQuery & { query: StaffQuery },
): Promise<StaffPage<StaffStatus>> {
  return queryStaff(await getStaffStatus(db, scope, q), q.query);
}

/** Every row the filter matches, in the page's order, without paging (what the export holds). */
export async function getStaffSelection(
  db: Db,
  scope: Scope,
  q: StaffListQuery & { query: StaffFilter & Pick<StaffQuery, "sort" | "direction"> },
): Promise<StaffStatus[]> {
  const rows = filterStaff(await getStaffStatus(db, scope, q), q.query);
  return sortStaff(rows, q.query.sort, q.query.direction);
}
