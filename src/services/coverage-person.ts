/**
 * Which courses one person must take on a date, with status, deadline and exemption — the
 * same rules and definitions as the coverage figures, for the person page.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Scope } from "../auth/scope";
import { type EmploymentFacts, employedOn, type UnitRef } from "../domain/coverage";
import {
  buildTargetGroup,
  isEveryoneWithoutExceptions,
  type PostFacts,
} from "../domain/requirements";
import { type PersonRequirement, personRequirement } from "../domain/requirements-person";
import { listCourses } from "./courses";
import { loadCourseFacts, loadCourseTargetGroup } from "./coverage-target-group";

export interface PersonCourseRequirement extends PersonRequirement {
  courseId: string;
  title: string;
  startedOn: string | null;
  completedOn: string | null;
}

export async function getPersonRequirements(
  db: Db,
  personId: number,
  asOf: string,
): Promise<PersonCourseRequirement[]> {
  const [courses, posts, firsts] = await Promise.all([
    listCourses(db),
    db.all<{
      unit_id: number;
      path: string;
      title: string | null;
      valid_from: string;
      valid_to: string | null;
    }>(sql`
      SELECT e.unit_id, u.path, e.title, e.valid_from, e.valid_to
      FROM employments e JOIN units u ON u.id = e.unit_id
      WHERE e.person_id = ${personId}`),
    db.all<{ course_id: string; started_on: string | null; completed_on: string | null }>(sql`
      SELECT course_id,
        MIN(CASE WHEN kind = 'started' THEN date END) AS started_on,
        MIN(CASE WHEN kind = 'completed' THEN date END) AS completed_on
      FROM completions WHERE person_id = ${personId} GROUP BY course_id`),
  ]);
  const history: PostFacts[] = posts.map((p) => ({
    personId,
    unitId: p.unit_id,
    unitPath: p.path,
    title: p.title,
    validFrom: p.valid_from,
    validTo: p.valid_to,
  }));
  const onDate = history.filter(
    (p) => p.validFrom <= asOf && (p.validTo === null || p.validTo >= asOf),
  );
  const active = courses.filter((c) => c.active);
  const groups = await Promise.all(active.map((c) => loadCourseTargetGroup(db, c.id)));
  return active.map((course, i) => {
    const loaded = groups[i]!;
    const group = buildTargetGroup({
      courseId: course.id,
      rules: loaded.rules,
      units: loaded.unitAttributes,
      exemptions: loaded.exemptions.filter((e) => e.personId === personId),
      posts: history,
    });
    const first = firsts.find((f) => f.course_id === course.id);
    // Dates after the as-of date had not happened on it.
    const startedOn = first?.started_on && first.started_on <= asOf ? first.started_on : null;
    const completedOn =
      first?.completed_on && first.completed_on <= asOf ? first.completed_on : null;
    return {
      courseId: course.id,
      title: course.title,
      startedOn,
      completedOn,
      ...personRequirement(group, onDate, { startedOn, completedOn }, personId, asOf),
    };
  });
}

/**
 * Each person's requirement for one course in a unit subtree on a date (the chef's staff
 * list): one facts query and the target group, then one pass in memory.
 */
export async function getStaffRequirements(
  db: Db,
  scope: Scope,
  q: { unit: UnitRef; asOf: string; courseId: string },
): Promise<{ applies: boolean; byPerson: Map<number, PersonRequirement> }> {
  const { facts, group } = await loadCourseFacts(db, scope, {
    from: q.asOf,
    to: q.asOf,
    courseId: q.courseId,
    unitPath: q.unit.path,
  });
  const byPerson = new Map<number, PersonRequirement>();
  const postsOf = new Map<number, EmploymentFacts[]>();
  for (const row of employedOn(facts, q.asOf)) {
    postsOf.set(row.personId, [...(postsOf.get(row.personId) ?? []), row]);
  }
  for (const [personId, posts] of postsOf) {
    byPerson.set(personId, personRequirement(group, posts, posts[0]!, personId, q.asOf));
  }
  return { applies: !isEveryoneWithoutExceptions(group), byPerson };
}
