/**
 * How fresh the figures' data is, for the annual report's "Personaldata per …, kursdata per …":
 * the as-of date of the latest staff list still applied, and the day (Stockholm) the latest
 * course file (platform export or attendance list) was imported.
 */
import { and, eq, inArray, max } from "drizzle-orm";
import type { Db } from "../../db/client";
import { imports } from "../../db/schema";
import type { DataFreshness } from "../domain/annual-lock";
import { stockholmDate } from "../domain/dates";

export async function dataFreshness(db: Db): Promise<DataFreshness> {
  const [[staff], [courses]] = await Promise.all([
    db
      .select({ asOf: max(imports.asOf) })
      .from(imports)
      .where(and(eq(imports.kind, "staff"), eq(imports.status, "applied"))),
    db
      .select({ at: max(imports.createdAt) })
      .from(imports)
      .where(
        and(inArray(imports.kind, ["completions", "attendance"]), eq(imports.status, "applied")),
      ),
  ]);
  return {
    staffAsOf: staff?.asOf ?? null,
    coursesAsOf: courses?.at ? stockholmDate(new Date(courses.at)) : null,
  };
}
