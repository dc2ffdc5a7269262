/** Query parameters shared by the report routes, validated at the edge. */
import { zValidator } from "@hono/zod-validator";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import type { UnitRef } from "../domain/coverage";
import { FIRST_REPORT_YEAR, isIsoDate, LAST_REPORT_YEAR, stockholmDate } from "../domain/dates";
import type { AppEnv } from "../env";
import { unitById } from "../services/units";
import { badQuery, dateParam, idParam, NO_SUCH_UNIT } from "./params";

export const reportQuery = z.object({
  enhet: z.string().optional(),
  datum: z.string().optional(),
});

/** The report query, validated; `?datum=a&datum=b` is a Swedish 400, not zod's JSON. */
export const validReportQuery = zValidator("query", reportQuery, badQuery);

/** The as-of date from `datum`, or today; a bad date is a message, not an error page. */
export function asOfFrom<E extends AppEnv>(
  c: Context<E>,
  datum: string | undefined,
): { asOf: string; notice: string | null } {
  const today = stockholmDate(c.get("now")());
  if (datum === undefined || datum === "") return { asOf: today, notice: null };
  if (dateParam.safeParse(datum).success) return { asOf: datum, notice: null };
  const notice = isIsoDate(datum)
    ? `”${datum}” ligger utanför åren ${FIRST_REPORT_YEAR}–${LAST_REPORT_YEAR}. Visar i stället i dag.`
    : `”${datum}” är inget datum (ÅÅÅÅ-MM-DD). Visar i stället i dag.`;
  return { asOf: today, notice };
}

/**
 * The unit named by an id in the URL, checked against the user's scope. A unit outside the
 * scope answers exactly like one that does not exist (404), so ids reveal nothing.
 */
export async function scopedUnit<E extends AppEnv>(
  c: Context<E>,
  raw: string | number | undefined,
): Promise<UnitRef | null> {
  if (raw === undefined || raw === "") return null;
  const id = typeof raw === "number" ? raw : idParam.shape.id.safeParse(raw).data;
  const unit = id === undefined ? null : await unitById(c.get("db"), c.get("scope"), id);
  if (!unit) throw new HTTPException(404, { message: NO_SUCH_UNIT });
  return unit;
}
