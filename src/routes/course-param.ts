/**
 * The course selector of the coverage pages (`?kurs=ID`): the mandatory course by default,
 * any active catalogue course by id. An unknown id is a notice, not an error page, like a bad date.
 */

import { zValidator } from "@hono/zod-validator";
import type { Context } from "hono";
import * as z from "zod";
import { MANDATORY_COURSE_ID } from "../../courses/catalogue";
import type { AppEnv } from "../env";
import { listCourses } from "../services/courses";
import { badQuery } from "./params";
import { reportQuery } from "./report-params";

export const coverageQuery = reportQuery.extend({ kurs: z.string().max(100).optional() });
/** A value that does not parse is the shared Swedish 400 (params.ts badQuery). */
export const validCoverageQuery = zValidator("query", coverageQuery, badQuery);

export interface CourseChoice {
  id: string;
  title: string;
  kind: "mandatory" | "deepened";
}

export async function courseFrom<E extends AppEnv>(
  c: Context<E>,
  kurs: string | undefined,
): Promise<{ course: CourseChoice; courses: CourseChoice[]; notice: string | null }> {
  const courses = (await listCourses(c.get("db")))
    .filter((k) => k.active)
    .map(({ id, title, kind }) => ({ id, title, kind }));
  const fallback = courses.find((k) => k.id === MANDATORY_COURSE_ID) ?? {
    id: MANDATORY_COURSE_ID,
    title: MANDATORY_COURSE_ID,
    kind: "mandatory" as const,
  };
  if (kurs === undefined || kurs === "") return { course: fallback, courses, notice: null };
  const chosen = courses.find((k) => k.id === kurs);
  if (chosen) return { course: chosen, courses, notice: null };
  return {
    course: fallback,
    courses,
    notice: `Kursen ”${kurs}” finns inte i katalogen. Visar i stället ${fallback.title}.`,
  };
}

/** The `kurs` value links carry: none for the mandatory course, so its URLs stay unchanged. */
export function coursePart(course: CourseChoice): string | null {
  return course.id === MANDATORY_COURSE_ID ? null : course.id;
}
