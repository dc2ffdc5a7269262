/**
 * One person as a chef or HR sees them: every post (anställning) and their course status.
 * Visible when any post lies in the scope; a post in a unit outside it shows the unit's name
 * only, not its befattning or omfattning — that unit's data belongs to its own chef.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { type Scope, unitScopeFilter } from "../auth/scope";

export interface PersonPost {
  unitId: number;
  unitName: string;
  title: string | null;
  extent: number | null;
  validFrom: string;
  validTo: string | null;
  /** False for a unit outside the viewer's scope: name only. */
  inScope: boolean;
}

export interface PersonCourse {
  title: string;
  startedOn: string | null;
  completedOn: string | null;
}

export interface PersonWithPosts {
  id: number;
  name: string;
  employeeNo: string | null;
  email: string | null;
  posts: PersonPost[];
  courses: PersonCourse[];
}

export async function getPersonWithPosts(
  db: Db,
  scope: Scope,
  personId: number,
  asOf: string,
): Promise<PersonWithPosts | null> {
  const posts = await db.all<{
    unit_id: number;
    unit_name: string;
    title: string | null;
    extent: number | null;
    valid_from: string;
    valid_to: string | null;
    in_scope: number;
  }>(sql`
    SELECT e.unit_id, u.name AS unit_name, e.title, e.extent, e.valid_from, e.valid_to,
      ${unitScopeFilter(scope, sql`u.path`)} AS in_scope
    FROM employments e JOIN units u ON u.id = e.unit_id
    WHERE e.person_id = ${personId}
    ORDER BY (e.valid_to IS NULL) DESC, e.valid_from DESC, u.name`);
  if (!posts.some((p) => p.in_scope)) return null;
  const [person] = await db.all<{
    first_name: string;
    last_name: string;
    employee_no: string | null;
    email: string | null;
  }>(sql`SELECT first_name, last_name, employee_no, email FROM people WHERE id = ${personId}`);
  if (!person) return null;
  // Dates after the as-of date had not happened on it.
  const courses = await db.all<{
    title: string;
    started_on: string | null;
    completed_on: string | null;
  }>(sql`
    SELECT co.title,
      MIN(CASE WHEN c.kind = 'started' THEN c.date END) AS started_on,
      MIN(CASE WHEN c.kind = 'completed' THEN c.date END) AS completed_on
    FROM completions c JOIN courses co ON co.id = c.course_id
    WHERE c.person_id = ${personId} AND c.date <= ${asOf}
    GROUP BY co.id ORDER BY co.title`);
  return {
    id: personId,
    name: `${person.first_name} ${person.last_name}`.trim(),
    employeeNo: person.employee_no,
    email: person.email,
    posts: posts.map((p) => ({
      unitId: p.unit_id,
      unitName: p.unit_name,
      title: p.in_scope ? p.title : null,
      extent: p.in_scope ? p.extent : null,
      validFrom: p.valid_from,
      validTo: p.valid_to,
      inScope: !!p.in_scope,
    })),
    courses: courses.map((c) => ({
      title: c.title,
      startedOn: c.started_on,
      completedOn: c.completed_on,
    })),
  };
}
