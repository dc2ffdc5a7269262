/**
 * Unit scope: which subtrees of the organisation a request may see. Every query over units,
 * employments or people goes through `unitScopeFilter`, so an unscoped query cannot be written
 * by forgetting a WHERE clause — the filter is a required argument.
 */
import { type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

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

/** True when a unit with this path lies inside the scope (for checks on single objects). */
export function scopeIncludes(scope: Scope, unitPath: string): boolean {
  return scope.kind === "all" || scope.paths.some((p) => unitPath.startsWith(p));
}

/** Escapes LIKE wildcards for use with `ESCAPE '\\'`. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
