/**
 * What a lock keeps of the annual report, and how a locked report is read back for any
 * part of the organisation. A locked year never contradicts itself: the page, the per-unit
 * table, a chef's unit report and the exports all show these figures; a fresh computation
 * only appears as a difference ("Beräknat nu").
 */
import { ANNUAL_FIGURE_KEYS, type AnnualFigures, annualFigures, figureDifference } from "./annual";
import type { StaffCourseFacts, UnitRef } from "./coverage";
import { stockholmDate } from "./dates";
import type { DeepenedEvent } from "./deepened";

/** One unit's subtree figures as locked, with its change since Y−1 (both as of the lock). */
export interface LockedUnitRow extends AnnualFigures {
  id: number;
  code: string | null;
  name: string;
  /** The unit's path at the lock (older locks stored only the top level, without it). */
  path?: string;
  difference?: AnnualFigures;
}

/** How fresh the data was: the latest staff list's as-of date, the latest course file's date. */
export interface DataFreshness {
  staffAsOf: string | null;
  coursesAsOf: string | null;
}

/** The JSON in annual_reports.figures (the sentence has its own column). */
export interface LockedFigures extends AnnualFigures {
  /** The top level of the organisation (every lock has it). */
  units: LockedUnitRow[];
  /** Change since Y−1, and every unit of the organisation (locks since issue 16). */
  difference?: AnnualFigures;
  tree?: LockedUnitRow[];
  freshness?: DataFreshness;
}

/** A locked report's figures for one part of the organisation, shaped like a computed one. */
export interface LockedSlice extends AnnualFigures {
  difference: AnnualFigures | null;
  units: Array<AnnualFigures & { unit: UnitRef; difference: AnnualFigures | null }>;
  /** A chef with several subtrees: the total is the sum of their locked units. */
  summed: boolean;
}

/** Which part of the organisation a report shows. */
export type ReportSelection =
  | { kind: "organisation" }
  | { kind: "unit"; unitId: number }
  | { kind: "roots"; unitIds: readonly number[] };

/** "Låst 2026-01-15 av Lena Ledning": the day in Sweden, from the lock's UTC instant. */
export function lockLine(lock: { lockedAt: string | null; lockedBy: string | null }): string {
  return `Låst ${lockDay(lock)} av ${lock.lockedBy ?? "okänd"}`;
}

export function lockDay(lock: { lockedAt: string | null }): string {
  return lock.lockedAt ? stockholmDate(new Date(lock.lockedAt)) : "okänt datum";
}

/** Nobody employed and no deepened course: nothing to report or lock (1999, before the data). */
export function hasData(figures: Pick<AnnualFigures, "headcount" | "deepened">): boolean {
  return figures.headcount > 0 || figures.deepened > 0;
}

const pick = (f: AnnualFigures): AnnualFigures =>
  Object.fromEntries(ANNUAL_FIGURE_KEYS.map((k) => [k, f[k]])) as unknown as AnnualFigures;

function asRow(row: LockedUnitRow) {
  const unit: UnitRef = { id: row.id, code: row.code, name: row.name, path: row.path ?? "" };
  return { unit, ...pick(row), difference: row.difference ?? null };
}

function sum(rows: readonly AnnualFigures[]): AnnualFigures {
  const total = pick({ headcount: 0, reached: 0, completed: 0, reachedInYear: 0, deepened: 0 });
  for (const r of rows) for (const k of ANNUAL_FIGURE_KEYS) total[k] += r[k];
  return total;
}

/**
 * The locked figures for a selection, or null when the lock does not hold them (a unit
 * created after the lock, or a lock made before every unit was kept).
 */
export function lockedSlice(locked: LockedFigures, selection: ReportSelection): LockedSlice | null {
  if (selection.kind === "organisation") {
    const byId = new Map((locked.tree ?? []).map((r) => [r.id, r]));
    return {
      ...pick(locked),
      difference: locked.difference ?? null,
      units: locked.units.map((r) => asRow({ ...r, ...byId.get(r.id) })),
      summed: false,
    };
  }
  const tree = locked.tree;
  if (!tree) return null;
  if (selection.kind === "unit") {
    const self = tree.find((r) => r.id === selection.unitId);
    if (!self?.path) return null;
    const childPath = new RegExp(`^${self.path}\\d+/$`);
    return {
      ...pick(self),
      difference: self.difference ?? null,
      units: tree.filter((r) => r.path && childPath.test(r.path)).map(asRow),
      summed: false,
    };
  }
  const roots = selection.unitIds.map((id) => tree.find((r) => r.id === id));
  if (roots.length === 0 || roots.some((r) => r === undefined)) return null;
  const rows = roots as LockedUnitRow[];
  const single = rows.length === 1 ? rows[0]! : null;
  return {
    ...(single ? pick(single) : sum(rows)),
    difference: single ? (single.difference ?? null) : sumOrNull(rows.map((r) => r.difference)),
    units: rows.map(asRow),
    summed: rows.length > 1,
  };
}

function sumOrNull(diffs: ReadonlyArray<AnnualFigures | undefined>): AnnualFigures | null {
  return diffs.every((d) => d !== undefined) ? sum(diffs as AnnualFigures[]) : null;
}

/**
 * Every unit's subtree figures for year Y and its change since Y−1. One pass over the staff
 * per unit level: each employment row is filed under every ancestor on its path.
 */
export function everyUnitAnnual(
  staff: readonly StaffCourseFacts[],
  staffBefore: readonly StaffCourseFacts[],
  deepened: readonly DeepenedEvent[],
  units: readonly UnitRef[],
  year: number,
): LockedUnitRow[] {
  const now = underEachUnit(staff);
  const before = underEachUnit(staffBefore);
  return units.map((u) => {
    const figures = annualFigures(now.get(u.path) ?? [], deepened, year, u.path);
    const previous = annualFigures(before.get(u.path) ?? [], deepened, year - 1, u.path);
    return {
      id: u.id,
      code: u.code,
      name: u.name,
      path: u.path,
      ...figures,
      difference: figureDifference(figures, previous),
    };
  });
}

/** Rows filed under every ancestor path ("/1/", "/1/7/", "/1/7/23/"). */
function underEachUnit(rows: readonly StaffCourseFacts[]): Map<string, StaffCourseFacts[]> {
  const map = new Map<string, StaffCourseFacts[]>();
  for (const row of rows) {
    const ids = row.unitPath.split("/").filter(Boolean);
    for (let i = 1; i <= ids.length; i++) {
      const path = `/${ids.slice(0, i).join("/")}/`;
      const list = map.get(path);
      if (list) list.push(row);
      else map.set(path, [row]);
    }
  }
  return map;
}
