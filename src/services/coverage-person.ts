/**
 * Which courses one person must take on a date, with status, deadline and exemption — the
 * same rules and definitions as the coverage figures, for the person page.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { buildTargetGroup, type PostFacts } from "../domain/requirements";
import { type PersonRequirement, personRequirement } from "../domain/requirements-person";
import { listCourses } from "./courses";
import { loadCourseTargetGroup } from "./coverage-target-group";

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
