import { and, isNull, sql } from "drizzle-orm";
import { type CourseEntry, DEFAULT_CATALOGUE, MANDATORY_COURSE_ID } from "../../courses/catalogue";
import type { Db } from "../../db/client";
import { type Course, courses, requirementRules } from "../../db/schema";
import { courseTitleIndex, normaliseTitle } from "../domain/titles";

/**
 * Upserts the catalogue; courses missing from it are kept (history refers to them) but marked
 * inactive. Each course's default requirement rules are written once (marked with
 * `requirements_seeded_at`): a rule set HR edits or empties later is never seeded again.
 */
export async function syncCourseCatalogue(
  db: Db,
  catalogue: readonly CourseEntry[] = DEFAULT_CATALOGUE,
  now: () => Date = () => new Date(),
): Promise<void> {
  const ids = catalogue.map((c) => c.id);
  await db.transaction(async (tx) => {
    for (const { requirements: _rules, ...c } of catalogue) {
      const row = { ...c, active: true };
      await tx.insert(courses).values(row).onConflictDoUpdate({ target: courses.id, set: row });
    }
    if (ids.length > 0) {
      await tx
        .update(courses)
        .set({ active: false })
        .where(
          sql`${courses.id} NOT IN (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`,
        );
    }
    const unseeded = await tx
      .select({ id: courses.id })
      .from(courses)
      .where(isNull(courses.requirementsSeededAt));
    const seededAt = now().toISOString();
    for (const { id } of unseeded) {
      const entry = catalogue.find((c) => c.id === id);
      if (!entry) continue;
      for (const rule of entry.requirements) {
        await tx.insert(requirementRules).values({ courseId: id, ...rule });
      }
      await tx
        .update(courses)
        .set({ requirementsSeededAt: seededAt })
        .where(and(sql`${courses.id} = ${id}`, isNull(courses.requirementsSeededAt)));
    }
  });
}

export async function listCourses(db: Db): Promise<Course[]> {
  return db.select().from(courses).orderBy(courses.kind, courses.title);
}

export async function loadCourseTitleIndex(db: Db): Promise<Map<string, string>> {
  return courseTitleIndex(await listCourses(db));
}

/** The mandatory course's title from the catalogue (falls back to its id). */
export async function mandatoryCourseTitle(db: Db): Promise<string> {
  const row = await db.query.courses.findFirst({
    where: (t, { eq }) => eq(t.id, MANDATORY_COURSE_ID),
    columns: { title: true },
  });
  return row?.title ?? MANDATORY_COURSE_ID;
}

/** A course by id, title or alias as people type them (case, dashes, spaces); null if none. */
export async function findCourse(db: Db, text: string): Promise<Course | null> {
  const all = await listCourses(db);
  const id = courseTitleIndex(all).get(normaliseTitle(text));
  return all.find((c) => c.id === id) ?? null;
}
