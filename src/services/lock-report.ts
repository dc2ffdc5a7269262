/**
 * Locking the annual figure: ledning freezes what the organisation reports for year Y.
 * The row is written once (unique per year and course) and never updated, so later data
 * corrections show only as a difference against a fresh computation.
 */
import { MANDATORY_COURSE_ID } from "../../courses/catalogue";
import type { Db } from "../../db/client";
import { annualReports } from "../../db/schema";
import { ALL_UNITS } from "../auth/scope";
import {
  computeAnnualReport,
  getLockedReport,
  type LockedReport,
  lockedFiguresOf,
} from "./annual-report";
import { audit } from "./audit";

export type LockResult =
  | { ok: true; report: LockedReport }
  | { ok: false; reason: "already_locked" | "future_year" };

export async function lockAnnualReport(
  db: Db,
  q: { year: number; userId: number; now: Date; today: string; ip?: string | null },
): Promise<LockResult> {
  // A year can be locked once it is over (its as-of date has passed).
  if (`${q.year}-12-31` >= q.today) return { ok: false, reason: "future_year" };
  if (await getLockedReport(db, q.year)) return { ok: false, reason: "already_locked" };
  // The annual figure is the organisation's: always computed over every unit.
  const report = await computeAnnualReport(db, ALL_UNITS, { year: q.year });
  const inserted = await db.transaction(async (tx) => {
    const rows = await tx
      .insert(annualReports)
      .values({
        year: q.year,
        courseId: MANDATORY_COURSE_ID,
        asOf: report.asOf,
        figures: lockedFiguresOf(report) as unknown as Record<string, unknown>,
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
