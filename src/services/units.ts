/**
 * Units have one owner: every lookup of units goes through here, and each one takes the
 * request's scope and applies it with `unitScopeFilter` (creating a unit is the only
 * unscoped write, done by imports and the seed on HR's behalf).
 */
import { and, asc, eq, isNull, or } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { units } from "../../db/schema";
import { type Scope, unitScopeFilter } from "../auth/scope";
import type { UnitRef } from "../domain/coverage";

/** Creates a unit under `parentPath` and writes its materialised path (`/1/7/`). */
export async function createUnit(
  db: DbOrTx,
  unit: { name: string; code?: string | null; parentId?: number | null; parentPath?: string },
): Promise<{ id: number; path: string }> {
  const [row] = await db
    .insert(units)
    .values({ name: unit.name, code: unit.code ?? null, parentId: unit.parentId ?? null })
    .returning({ id: units.id });
  if (!row) throw new Error("insert into units returned no row");
  const path = `${unit.parentPath ?? "/"}${row.id}/`;
  await db.update(units).set({ path }).where(eq(units.id, row.id));
  return { id: row.id, path };
}

const SWEDISH = new Intl.Collator("sv");

/** Units by name as a Swedish reader sorts them (… Z, Å, Ä, Ö); SQLite sorts by code point. */
function inSwedishOrder(rows: UnitRef[]): UnitRef[] {
  return rows.sort((a, b) => SWEDISH.compare(a.name, b.name));
}

/** The units one level below `unit`, or the top of what the scope may see. */
export async function childUnits(db: Db, scope: Scope, unit: UnitRef | null): Promise<UnitRef[]> {
  const base = db
    .select({ id: units.id, code: units.code, name: units.name, path: units.path })
    .from(units);
  if (unit) {
    return inSwedishOrder(
      await base.where(and(eq(units.parentId, unit.id), unitScopeFilter(scope, units.path))),
    );
  }
  if (scope.kind === "all") return inSwedishOrder(await base.where(isNull(units.parentId)));
  // A chef's roots are the subtrees assigned to them. The scope filter stays in the query:
  // `or()` of no paths is no condition at all, which would list every unit.
  return inSwedishOrder(
    await base.where(
      and(unitScopeFilter(scope, units.path), or(...scope.paths.map((p) => eq(units.path, p)))),
    ),
  );
}

/** Case-, space- and Unicode-insensitive form of a code or name ("äldreomsorg" = "Äldreomsorg"). */
function foldName(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("sv");
}

/**
 * Units inside the scope that a code or name typed by a person means: an exact code first,
 * then a code, then a name, ignoring case and extra spaces. More than one result means the
 * name is shared (an "Administration" under every avdelning) and the caller should ask for
 * the code. SQLite's lower() folds ASCII only ("Ä" stays), so the comparison runs here over
 * the scoped units (a few hundred at most).
 */
export async function findUnitMatches(
  db: Db,
  scope: Scope,
  codeOrName: string,
): Promise<UnitRef[]> {
  const needle = foldName(codeOrName);
  if (needle === "") return [];
  const rows = await db
    .select({ id: units.id, code: units.code, name: units.name, path: units.path })
    .from(units)
    .where(unitScopeFilter(scope, units.path))
    .orderBy(asc(units.path));
  const exact = rows.filter((u) => u.code === codeOrName.trim());
  if (exact.length > 0) return exact;
  const byCode = rows.filter((u) => u.code !== null && foldName(u.code) === needle);
  if (byCode.length > 0) return byCode;
  return rows.filter((u) => foldName(u.name) === needle);
}

/** A unit by id, or null when it does not exist or lies outside the scope. */
export async function unitById(db: Db, scope: Scope, id: number): Promise<UnitRef | null> {
  const rows = await db
    .select({ id: units.id, code: units.code, name: units.name, path: units.path })
    .from(units)
    .where(and(eq(units.id, id), unitScopeFilter(scope, units.path)))
    .limit(1);
  return rows[0] ?? null;
}

export interface UnitOption extends UnitRef {
  depth: number;
}

/** Every unit the scope may see, in tree order (parents before children, names A–Ö). */
export async function unitsInScope(db: Db, scope: Scope): Promise<UnitOption[]> {
  const rows = await db
    .select({ id: units.id, code: units.code, name: units.name, path: units.path })
    .from(units)
    .where(unitScopeFilter(scope, units.path));
  const byId = new Map(rows.map((u) => [u.id, u]));
  const sortKey = (u: UnitRef) =>
    u.path
      .split("/")
      .filter(Boolean)
      .map((id) => byId.get(Number(id))?.name ?? "")
      .join("\u0000");
  return rows
    .map((u) => ({ ...u, depth: u.path.split("/").filter(Boolean).length - 1, key: sortKey(u) }))
    .sort((a, b) => a.key.localeCompare(b.key, "sv"))
    .map(({ key: _key, ...u }) => u);
}
