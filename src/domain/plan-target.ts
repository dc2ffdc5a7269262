/**
 * A competence activity linked to a course: its live figure ("242 av 1003 (24 %)") and,
 * with a target (a share by a date), the status the figure suggests.
 */
import type { PlanStatus } from "./plan-status";
import { formatNumber } from "./sentence";

export interface CourseFigure {
  courseId: string;
  courseTitle: string;
  /** The annual report's as-of date (Y-12-31). */
  asOf: string;
  reached: number;
  headcount: number;
}

export interface Target {
  percent: number;
  /** Defaults to the end of the plan year. */
  date: string;
}

/** Whole percent, halves up, as the review writes it. */
export function reachedPercent(f: Pick<CourseFigure, "reached" | "headcount">): number | null {
  if (f.headcount === 0) return null;
  return Math.floor((f.reached * 100) / f.headcount + 0.5);
}

/** "242 av 1003 (24 %)"; with nobody to count "0 av 0". */
export function figureText(f: Pick<CourseFigure, "reached" | "headcount">): string {
  const p = reachedPercent(f);
  const base = `${formatNumber(f.reached)} av ${formatNumber(f.headcount)}`;
  return p === null ? base : `${base} (${p} %)`;
}

/**
 * Target reached → Genomförd. Otherwise, before the target date: Pågående once anyone has
 * started, else Planerad; after it: Delvis genomförd when some were reached, else Ej genomförd.
 */
export function suggestedStatus(
  f: Pick<CourseFigure, "reached" | "headcount">,
  target: Target,
  today: string,
): PlanStatus {
  const p = f.headcount === 0 ? 0 : (f.reached * 100) / f.headcount;
  if (f.headcount > 0 && p >= target.percent) return "Genomförd";
  const passed = today > target.date;
  if (f.reached === 0) return passed ? "Ej genomförd" : "Planerad";
  return passed ? "Delvis genomförd" : "Pågående";
}

/** A target from the stored columns; without a date it is the end of the plan year. */
export function targetOf(percent: number | null, date: string | null, year: number): Target | null {
  if (percent === null) return null;
  return { percent, date: date ?? `${year}-12-31` };
}
