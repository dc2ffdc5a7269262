/**
 * A chef's start page (issue 16): their units' figures and, per assigned unit, who has not
 * started the mandatory course yet — the list a reminder goes to. Read through the chef's
 * scope like every other list, and logged like a staff list (it names people).
 */
import type { Db } from "../../db/client";
import type { Scope } from "../auth/scope";
import type { UnitRef } from "../domain/coverage";
import { sortStaff } from "../domain/staff-query";
import type { StaffStatus } from "../domain/staff-status";
import { type CoverageResult, getCoverage } from "./coverage";
import { getStaffStatus } from "./staff-list";
import { childUnits } from "./units";

export interface RemainingInUnit {
  unit: UnitRef;
  /** Employed in the unit's subtree on the date. */
  headcount: number;
  /** Not started, by surname. */
  remaining: StaffStatus[];
}

export interface ChefStart {
  /** The one assigned unit, or null when the chef has several (figures are then for all). */
  unit: UnitRef | null;
  coverage: CoverageResult;
  units: RemainingInUnit[];
}

export async function getChefStart(db: Db, scope: Scope, asOf: string): Promise<ChefStart> {
  // The roots of the scope: the units assigned to the chef (childUnits of nothing).
  const roots = await childUnits(db, scope, null);
  const unit = roots.length === 1 ? roots[0]! : null;
  const [coverage, ...lists] = await Promise.all([
    getCoverage(db, scope, { asOf, unit }),
    ...roots.map((root) => getStaffStatus(db, scope, { unit: root, asOf })),
  ]);
  return {
    unit,
    coverage,
    units: roots.map((root, i) => {
      const staff = lists[i]!;
      const remaining = staff.filter((s) => s.status === "not_started");
      return {
        unit: root,
        headcount: staff.length,
        remaining: sortStaff(remaining, "namn", "stigande"),
      };
    }),
  };
}
