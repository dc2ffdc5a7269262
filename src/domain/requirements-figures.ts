/**
 * Per-course figures within the target group (DESIGN.md, "Target groups and exemptions"):
 * headcount/reached/completed as in coverage.ts over the required, not exempt; overdue = of
 * those, deadline passed (deadline < D) and not completed by D; exempt = required but excluded.
 */
import {
  type CoverageFigures,
  coverageOf,
  type EmploymentFacts,
  employedOn,
  type StaffCourseFacts,
  statusOn,
  type UnitRef,
} from "./coverage";
import {
  isEveryoneWithoutExceptions,
  type TargetGroup,
  type TargetRow,
  targetGroupOn,
} from "./requirements";
import { coverageTrend } from "./trend";

export interface ExemptReason {
  reason: string;
  count: number;
}

export interface CourseFigures extends CoverageFigures {
  overdue: number;
  exempt: number;
  /** Why people were excluded: distinct people per reason, most first. */
  exemptReasons: ExemptReason[];
}

export function courseFiguresOf(
  rows: ReadonlyArray<TargetRow<StaffCourseFacts>>,
  asOf: string,
): CourseFigures {
  const counted = rows.filter((r) => r.exemption === null);
  const overdue = new Set<number>();
  for (const r of counted) {
    if (r.deadline !== null && r.deadline < asOf && statusOn(r, asOf) !== "completed") {
      overdue.add(r.personId);
    }
  }
  const reasonOf = new Map<number, string>();
  for (const r of rows) if (r.exemption !== null) reasonOf.set(r.personId, r.exemption.reason);
  return {
    ...coverageOf(counted, asOf),
    overdue: overdue.size,
    exempt: reasonOf.size,
    exemptReasons: countReasons(reasonOf.values()),
  };
}

function countReasons(reasons: Iterable<string>): ExemptReason[] {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason, "sv"));
}

/** Figures per child unit: each row counts under the child whose subtree holds its unit. */
export function courseFiguresByUnit<U extends UnitRef>(
  rows: ReadonlyArray<TargetRow<StaffCourseFacts>>,
  units: readonly U[],
  asOf: string,
): Array<{ unit: U } & CourseFigures> {
  return units.map((unit) => ({
    unit,
    ...courseFiguresOf(
      rows.filter((row) => row.unitPath.startsWith(unit.path)),
      asOf,
    ),
  }));
}

/**
 * The course's figures at each date (the coverage trend within the target group): who is
 * required and exempt is decided again on every date, so moves and exemptions show in time.
 */
export function courseTrend(
  group: TargetGroup,
  rows: readonly EmploymentFacts[],
  dates: readonly string[],
): Array<{ date: string } & CoverageFigures> {
  if (isEveryoneWithoutExceptions(group)) return coverageTrend(rows, dates);
  return dates.map((date) => {
    const {
      overdue: _o,
      exempt: _e,
      exemptReasons: _r,
      ...figures
    } = courseFiguresOf(targetGroupOn(group, employedOn(rows, date), date), date);
    return { date, ...figures };
  });
}
