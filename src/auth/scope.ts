/**
 * Unit scope, in one place for the auth middleware and the services: which subtrees of the
 * organisation a request may see. Every read of units, employments or people on behalf of a
 * user passes the request's scope to `unitScopeFilter` (the services take a `Scope` argument,
 * so a route cannot call them without one). Queries that run for the organisation as a whole
 * (imports, undo, the seed, admin's unit picker) pass `ALL_UNITS` on purpose and say why.
 */
import { eq, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import { type Role, type User, units, userUnits } from "../../db/schema";
import { CAN } from "./roles";

export type Scope = { kind: "all" } | { kind: "units"; paths: readonly string[] };

export const ALL_UNITS: Scope = { kind: "all" };
/** Anonymous requests and chefs without assignments see nothing. */
export const NO_UNITS: Scope = { kind: "units", paths: [] };

/** SQL condition restricting `pathColumn` (a units.path) to the scope's subtrees. */
export function unitScopeFilter(scope: Scope, pathColumn: SQLiteColumn | SQL): SQL {
  if (scope.kind === "all") return sql`1 = 1`;
  if (scope.paths.length === 0) return sql`1 = 0`;
  return sql`(${sql.join(
    scope.paths.map((p) => sql`${pathColumn} LIKE ${`${escapeLike(p)}%`} ESCAPE '\\'`),
    sql` OR `,
  )})`;
}

/** Escapes LIKE wildcards for use with `ESCAPE '\\'`. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** admin/hr/ledning see every unit; a chef only the subtrees assigned in user_units. */
export async function scopeForUser(db: Db, user: User): Promise<Scope> {
  if ((CAN.viewAllUnits as readonly Role[]).includes(user.role)) return ALL_UNITS;
  const rows = await db
    .select({ path: units.path })
    .from(userUnits)
    .innerJoin(units, eq(units.id, userUnits.unitId))
    .where(eq(userUnits.userId, user.id));
  return { kind: "units", paths: rows.map((r) => r.path) };
}
