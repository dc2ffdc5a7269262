/**
 * The annual report's deepened-course sections: each active deepened course's figures within
 * its target group on Y-12-31 (the same computation as the coverage pages), or, for a course
 * without rules, how many attended during the year.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Scope } from "../auth/scope";
import type { UnitRef } from "../domain/coverage";
import { type DeepenedCourseSection, deepenedCourseSentence } from "../domain/requirements-annual";
import { getCoverage } from "./coverage";
import { loadDeepenedEvents } from "./facts";

export async function deepenedCourseSections(
  db: Db,
  scope: Scope,
  q: { year: number; unit: UnitRef | null },
): Promise<DeepenedCourseSection[]> {
  const asOf = `${q.year}-12-31`;
  const from = `${q.year}-01-01`;
  const [courses, events] = await Promise.all([
    db.all<{ id: string; title: string }>(
      sql`SELECT id, title FROM courses WHERE kind = 'deepened' AND active = 1 ORDER BY title`,
    ),
    loadDeepenedEvents(db, scope, { from, to: asOf, unitPath: q.unit?.path }),
  ]);
  return Promise.all(
    courses.map(async (course) => {
      const coverage = await getCoverage(db, scope, { asOf, unit: q.unit, courseId: course.id });
      const attended = new Set(
        events.filter((e) => e.courseId === course.id).map((e) => e.personId),
      );
      const section = {
        course: course.id,
        title: course.title,
        hasTargetGroup: coverage.ruleCount > 0,
        headcount: coverage.headcount,
        completed: coverage.completed,
        overdue: coverage.overdue,
        exempt: coverage.exempt,
        attendedInYear: attended.size,
      };
      return { ...section, sentence: deepenedCourseSentence(section, q.year) };
    }),
  );
}
