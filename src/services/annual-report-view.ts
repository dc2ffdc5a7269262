/**
 * The annual report as the page and the exports show it. A locked year shows the locked
 * figures for whatever part of the organisation is asked for; the fresh computation comes
 * along only to show what has changed since ("Beräknat nu"). A year still in progress is
 * counted as of today and says so; a year that has not begun has no figures.
 */

import type { Db } from "../../db/client";
import type { Scope } from "../auth/scope";
import { type AnnualFigures, figureDifference } from "../domain/annual";
import {
  type DataFreshness,
  type LockedSlice,
  lockedSlice,
  type ReportSelection,
} from "../domain/annual-lock";
import type { UnitRef } from "../domain/coverage";
import { annualSentence } from "../domain/sentence";
import {
  type AnnualReport,
  computeAnnualReport,
  getLockedReport,
  type LockedReport,
} from "./annual-report";
import { dataFreshness } from "./data-freshness";

export type YearState = "not_begun" | "in_progress" | "over";

export interface ShownAnnualReport {
  state: YearState;
  /** What to show: the locked figures when the year is locked and the lock holds them. */
  report: AnnualReport;
  /** Computed from today's data (equal to `report` unless locked). */
  fresh: AnnualReport;
  locked: LockedReport | null;
  /** True when `report` holds the locked figures. */
  showsLock: boolean;
  /** A chef with several subtrees: the locked total is the sum of their units. */
  summed: boolean;
  /** The data behind the fresh figures; a locked report has its own in locked.figures. */
  freshness: DataFreshness;
}

export function yearState(year: number, today: string): YearState {
  const current = Number(today.slice(0, 4));
  return year > current ? "not_begun" : year === current ? "in_progress" : "over";
}

function selectionOf(scope: Scope, unit: UnitRef | null): ReportSelection {
  if (unit) return { kind: "unit", unitId: unit.id };
  if (scope.kind === "all") return { kind: "organisation" };
  return { kind: "roots", unitIds: scope.paths.map((p) => Number(p.split("/").at(-2))) };
}

export async function shownAnnualReport(
  db: Db,
  scope: Scope,
  q: { year: number; unit: UnitRef | null; today: string },
): Promise<ShownAnnualReport> {
  const state = yearState(q.year, q.today);
  const asOf = state === "in_progress" ? q.today : undefined;
  const [fresh, locked, freshness] = await Promise.all([
    computeAnnualReport(db, scope, { year: q.year, unit: q.unit, asOf }),
    state === "over" ? getLockedReport(db, q.year) : Promise.resolve(null),
    dataFreshness(db),
  ]);
  const selection = selectionOf(scope, q.unit);
  const slice = locked ? lockedSlice(locked.figures, selection) : null;
  if (!locked || !slice) {
    return { state, report: fresh, fresh, locked, showsLock: false, summed: false, freshness };
  }
  const sentence = selection.kind === "organisation" ? locked.sentence : annualSentence(slice);
  return {
    state,
    report: lockedReport(fresh, slice, sentence),
    fresh,
    locked,
    showsLock: true,
    summed: slice.summed,
    freshness,
  };
}

/**
 * The locked slice in the shape of a computed report. Locks made before every unit was kept
 * have no stored change since Y−1: it is then taken against today's computation of Y−1.
 */
function lockedReport(fresh: AnnualReport, slice: LockedSlice, sentence: string): AnnualReport {
  const freshRows = new Map(fresh.units.map((r) => [r.unit.id, r]));
  const previousOf = (row: AnnualFigures & { difference: AnnualFigures }) =>
    figureDifference(row, row.difference);
  return {
    ...fresh,
    headcount: slice.headcount,
    reached: slice.reached,
    completed: slice.completed,
    reachedInYear: slice.reachedInYear,
    deepened: slice.deepened,
    sentence,
    difference: slice.difference ?? figureDifference(slice, fresh.previous),
    units: slice.units.map((row) => {
      const now = freshRows.get(row.unit.id);
      const difference =
        row.difference ?? (now ? figureDifference(row, previousOf(now)) : zeroDifference());
      return { ...row, difference };
    }),
  };
}

function zeroDifference(): AnnualFigures {
  return { headcount: 0, reached: 0, completed: 0, reachedInYear: 0, deepened: 0 };
}
