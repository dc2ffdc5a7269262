/**
 * The course catalogue shipped with the app. Bundled as JSON so Node and Workers read
 * the same list; `syncCourseCatalogue` writes it to the database on migrate.
 */
import * as z from "zod";
import defaultCourses from "./default.json";

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
});
export type CourseEntry = z.infer<typeof courseEntrySchema>;

/** The mandatory course the annual figure is about. */
export const MANDATORY_COURSE_ID = "vbe-webb";

export const DEFAULT_CATALOGUE: CourseEntry[] = z.array(courseEntrySchema).parse(defaultCourses);
