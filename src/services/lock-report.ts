/**
 * Locking the annual figure: ledning freezes what the organisation reports for year Y.
 * The row is written once (unique per year and course) and never updated, so later data
 * corrections show only as a difference against a fresh computation. The lock keeps every
 * unit's figures too, so a chef's unit report and every export of a locked year show what
 * was locked.
 */
import { MANDATORY_COURSE_ID } from "../../courses/catalogue";
import type { Db } from "../../db/client";
import { annualReports } from "../../db/schema";
import { ALL_UNITS } from "../auth/scope";
import { yearEnd } from "../domain/annual";
import { everyUnitAnnual, hasData, type LockedFigures } from "../domain/annual-lock";
import { employedOn } from "../domain/coverage";
import {
  type AnnualReport,
  computeAnnualReport,
  getLockedReport,
  type LockedReport,
  lockedFiguresOf,
} from "./annual-report";
import { audit } from "./audit";
import { dataFreshness } from "./data-freshness";
import { loadDeepenedEvents, loadEmploymentFacts } from "./facts";
import { unitsInScope } from "./units";

export type LockRefusal = "already_locked" | "future_year" | "no_data" | "changed";

export type LockResult = { ok: true; report: LockedReport } | { ok: false; reason: LockRefusal };

/** Everything a lock stores: the totals, the change since Y−1, every unit, the data's age. */
export async function lockSnapshot(
  db: Db,
  year: number,
): Promise<{ report: AnnualReport; figures: LockedFigures }> {
  const asOf = yearEnd(year);
  const [report, facts, deepened, units, freshness] = await Promise.all([
    computeAnnualReport(db, ALL_UNITS, { year }),
    loadEmploymentFacts(db, ALL_UNITS, {
      from: yearEnd(year - 1),
      to: asOf,
      courseId: MANDATORY_COURSE_ID,
    }),
    loadDeepenedEvents(db, ALL_UNITS, { from: `${year - 1}-01-01`, to: asOf }),
    unitsInScope(db, ALL_UNITS),
    dataFreshness(db),
  ]);
  const tree = everyUnitAnnual(
    employedOn(facts, asOf),
    employedOn(facts, yearEnd(year - 1)),
    deepened,
    units,
    year,
  );
  const figures = { ...lockedFiguresOf(report), difference: report.difference, tree, freshness };
  return { report, figures };
}

export async function lockAnnualReport(
  db: Db,
  q: {
    year: number;
    userId: number;
    now: Date;
    today: string;
    ip?: string | null;
    /** What the confirmation showed; a lock of other figures is refused. */
    expected?: { headcount: number; reached: number };
  },
): Promise<LockResult> {
  // A year can be locked once it is over (its as-of date has passed).
  if (`${q.year}-12-31` >= q.today) return { ok: false, reason: "future_year" };
  if (await getLockedReport(db, q.year)) return { ok: false, reason: "already_locked" };
  // The annual figure is the organisation's: always computed over every unit.
  const { report, figures } = await lockSnapshot(db, q.year);
  if (!hasData(report)) return { ok: false, reason: "no_data" };
  const { expected } = q;
  if (expected && (expected.headcount !== report.headcount || expected.reached !== report.reached))
    return { ok: false, reason: "changed" };
  const inserted = await db.transaction(async (tx) => {
    const rows = await tx
      .insert(annualReports)
      .values({
        year: q.year,
        courseId: MANDATORY_COURSE_ID,
        asOf: report.asOf,
        figures: figures as unknown as Record<string, unknown>,
        sentence: report.sentence,
        lockedBy: q.userId,
        lockedAt: q.now.toISOString(),
      })
      .onConflictDoNothing()
      .returning({ id: annualReports.id });
    if (rows.length === 0) return false;
    await audit(tx, {
      userId: q.userId,
      action: "report.locked",
      target: `annual:${q.year}`,
      detail: {
        year: q.year,
        headcount: report.headcount,
        reached: report.reached,
        sentence: report.sentence,
      },
      ip: q.ip ?? null,
    });
    return true;
  });
  if (!inserted) return { ok: false, reason: "already_locked" };
  return { ok: true, report: (await getLockedReport(db, q.year))! };
}
