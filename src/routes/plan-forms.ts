/** Parameters and form schemas of the action-plan pages (validated at the edge). */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import * as z from "zod";
import { isIsoDate, isReportYear } from "../domain/dates";
import { PLAN_AREAS } from "../domain/plan-areas";
import { PLAN_STATUSES } from "../domain/plan-status";
import type { SignedInEnv } from "../env";

/** Trimmed text, empty → null. */
const optionalText = z
  .string()
  .optional()
  .transform((v) => {
    const t = (v ?? "").replace(/\s+/g, " ").trim();
    return t === "" ? null : t;
  });

export const activityForm = z
  .object({
    area: z.enum(PLAN_AREAS, { message: "Välj ett område." }),
    activity: z
      .string()
      .transform((v) => v.replace(/\s+/g, " ").trim())
      .pipe(
        z.string().min(1, "Skriv vad aktiviteten går ut på.").max(1000, "Aktiviteten är för lång."),
      ),
    responsible: optionalText,
    otherActors: optionalText,
    timeline: optionalText,
    status: z.enum(PLAN_STATUSES, { message: "Välj en status." }),
    comment: z
      .string()
      .optional()
      .transform((v) => v?.trim() || null),
    courseId: optionalText,
    targetPercent: optionalText.pipe(
      z
        .string()
        .regex(/^\d{1,3}$/, "Målet ska vara en andel i procent, 1–100.")
        .transform(Number)
        .refine((n) => n >= 1 && n <= 100, "Målet ska vara en andel i procent, 1–100.")
        .nullable(),
    ),
    targetDate: optionalText.refine(
      (v) => v === null || isIsoDate(v),
      "Datumet ska skrivas ÅÅÅÅ-MM-DD.",
    ),
  })
  .refine((f) => f.targetPercent === null || f.courseId !== null, {
    message: "Ett mål gäller andelen som gått en utbildning: välj utbildningen också.",
  });

export type ActivityForm = z.infer<typeof activityForm>;

export const uploadForm = z.object({
  file: z.instanceof(File, { message: "Välj en fil att importera." }),
});

/** The first message of a failed parse, for the form's error line. */
export function firstMessage(error: { issues: ReadonlyArray<{ message: string }> }): string {
  return error.issues[0]?.message ?? "Formuläret innehöll ogiltiga värden.";
}

/** The same report years as every other route (domain/dates), with the plan's own 404 text. */
export function yearParam(raw: string | undefined): number {
  if (!raw || !/^\d{4}$/.test(raw) || !isReportYear(Number(raw))) {
    throw new HTTPException(404, { message: "Det finns ingen handlingsplan för det året." });
  }
  return Number(raw);
}

/** zValidator's hook is typed with the base Env; the request is the same one, and its
 * validator runs after requireRole, so the user is signed in. */
export const asApp = (c: Context) => c as unknown as Context<SignedInEnv>;
