/**
 * Coverage use case: load, in one aggregate query, the people employed on a date with their
 * earliest start/completion of a course; the figures themselves come from src/domain/coverage.
 */
import { and, asc, eq, isNull, or } from "drizzle-orm";
import { MANDATORY_COURSE_ID } from "../../courses/catalogue";
import type { Db } from "../../db/client";
import { units } from "../../db/schema";
import {
  type CoverageFigures,
  coverageByUnit,
  coverageOf,
  type StaffCourseFacts,
  type UnitRef,
} from "../domain/coverage";
import { loadEmploymentFacts } from "./facts";
import { type Scope, unitScopeFilter } from "./scope";

export interface CoverageQuery {
  asOf: string;
  courseId?: string;
  /** Restrict to this unit's subtree (already resolved and scope-checked). */
  unit?: UnitRef | null;
}

export interface CoverageResult extends CoverageFigures {
  unit: UnitRef | null;
  asOf: string;
  course: string;
  children: Array<{ unit: UnitRef } & CoverageFigures>;
}

/** People employed on `asOf` inside scope (and unit), with earliest dates for the course. */
export async function loadStaffFacts(
  db: Db,
  scope: Scope,
  q: { asOf: string; courseId: string; unitPath?: string },
): Promise<StaffCourseFacts[]> {
  return loadEmploymentFacts(db, scope, {
    from: q.asOf,
    to: q.asOf,
    courseId: q.courseId,
    unitPath: q.unitPath,
  });
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

/** The first unit `findUnitMatches` finds, or null. */
export async function findUnit(db: Db, scope: Scope, codeOrName: string): Promise<UnitRef | null> {
  return (await findUnitMatches(db, scope, codeOrName))[0] ?? null;
}

export async function getCoverage(db: Db, scope: Scope, q: CoverageQuery): Promise<CoverageResult> {
  const course = q.courseId ?? MANDATORY_COURSE_ID;
  const unit = q.unit ?? null;
  const [rows, children] = await Promise.all([
    loadStaffFacts(db, scope, { asOf: q.asOf, courseId: course, unitPath: unit?.path }),
    childUnits(db, scope, unit),
  ]);
  return coverageResult(rows, children, { asOf: q.asOf, course, unit });
}

/** The one place coverage figures are assembled (home page, coverage page, CLI, exports). */
export function coverageResult(
  rows: readonly StaffCourseFacts[],
  children: readonly UnitRef[],
  q: { asOf: string; course: string; unit: UnitRef | null },
): CoverageResult {
  return {
    unit: q.unit,
    asOf: q.asOf,
    course: q.course,
    ...coverageOf(rows, q.asOf),
    children: coverageByUnit(rows, children, q.asOf),
  };
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
