/** Query parameters shared by the report routes, validated at the edge. */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import { MANDATORY_COURSE_ID } from "../../courses/catalogue";
import type { UnitRef } from "../domain/coverage";
import { isIsoDate, stockholmDate } from "../domain/dates";
import type { AppEnv } from "../env";
import { unitById } from "../services/coverage";

export const reportQuery = z.object({
  enhet: z.string().optional(),
  datum: z.string().optional(),
});

/** The as-of date from `datum`, or today; a bad date is a message, not an error page. */
export function asOfFrom(
  c: Context<AppEnv>,
  datum: string | undefined,
): { asOf: string; notice: string | null } {
  const today = stockholmDate(c.get("now")());
  if (datum === undefined || datum === "") return { asOf: today, notice: null };
  if (isIsoDate(datum)) return { asOf: datum, notice: null };
  return { asOf: today, notice: `”${datum}” är inget datum (ÅÅÅÅ-MM-DD). Visar i stället i dag.` };
}

/**
 * The unit named by an id in the URL, checked against the user's scope. A unit outside the
 * scope answers exactly like one that does not exist (404), so ids reveal nothing.
 */
export async function scopedUnit(
  c: Context<AppEnv>,
  raw: string | undefined,
): Promise<UnitRef | null> {
  if (raw === undefined || raw === "") return null;
  const unit = /^\d{1,9}$/.test(raw)
    ? await unitById(c.get("db"), c.get("scope"), Number(raw))
    : null;
  if (!unit)
    throw new HTTPException(404, {
      message: "Enheten finns inte eller ingår inte i det du får se.",
    });
  return unit;
}

/** An htmx swap gets the fragment; a history restore or a normal visit gets the page. */
export function wantsFragment(c: Context<AppEnv>): boolean {
  return !!c.req.header("HX-Request") && !c.req.header("HX-History-Restore-Request");
}

/** The mandatory course's title from the catalogue (falls back to its id). */
export async function mandatoryCourseTitle(c: Context<AppEnv>): Promise<string> {
  const row = await c.get("db").query.courses.findFirst({
    where: (t, { eq }) => eq(t.id, MANDATORY_COURSE_ID),
    columns: { title: true },
  });
  return row?.title ?? MANDATORY_COURSE_ID;
}
