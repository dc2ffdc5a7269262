/**
 * The course catalogue shipped with the app. Bundled as JSON so Node and Workers read
 * the same list; `syncCourseCatalogue` writes it to the database on migrate.
 */
import * as z from "zod";
import defaultCourses from "./default.json";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * A default requirement rule (who must take the course). `{}` = everyone. Units are not
 * named here: the catalogue ships before any organisation exists; HR adds unit rules later.
 */
export const defaultRuleSchema = z
  .object({
    // The values of db/schema FUNCTION_LEVELS (courses/ stays plain data, no db import).
    functionLevel: z.enum(["forebyggande", "forhindrande"]).nullable().default(null),
    tag: z.string().min(1).nullable().default(null),
    titlePattern: z.string().min(1).nullable().default(null),
    deadline: isoDate.nullable().default(null),
    daysAfterStart: z.number().int().min(0).nullable().default(null),
  })
  .strict();
export type DefaultRule = z.infer<typeof defaultRuleSchema>;

export const courseEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  kind: z.enum(["mandatory", "deepened"]),
  aliases: z.array(z.string()).default([]),
  audience: z.string().nullable().default(null),
  targetDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .default(null),
  /**
   * Written once per course (courses.requirements_seeded_at), so a rule set HR later edits
   * or empties is never seeded again. The mandatory course: everyone; deepened: nobody.
   */
  requirements: z.array(defaultRuleSchema).default([]),
});
export type CourseEntry = z.infer<typeof courseEntrySchema>;

/** The mandatory course the annual figure is about. */
export const MANDATORY_COURSE_ID = "vbe-webb";

export const DEFAULT_CATALOGUE: CourseEntry[] = z.array(courseEntrySchema).parse(defaultCourses);
