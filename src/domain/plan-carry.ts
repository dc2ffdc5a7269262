/**
 * Copying a plan to the next year: every activity that is not Genomförd carries over and
 * remembers where it came from; what was done stays in its year.
 */
import type { PlanArea } from "./plan-areas";
import type { PlanStatus } from "./plan-status";

export interface CarrySource {
  id: number;
  year: number;
  area: PlanArea;
  activity: string;
  responsible: string | null;
  otherActors: string | null;
  timeline: string | null;
  status: PlanStatus;
  courseId: string | null;
  targetPercent: number | null;
  targetDate: string | null;
  position: number;
}

export interface CarriedActivity {
  year: number;
  area: PlanArea;
  activity: string;
  responsible: string | null;
  otherActors: string | null;
  timeline: string | null;
  status: PlanStatus;
  /** Empty: the new year's follow-up is still to be written. */
  comment: null;
  courseId: string | null;
  targetPercent: number | null;
  targetDate: string | null;
  carriedFromId: number;
  carriedFromYear: number;
  position: number;
}

/**
 * Work already under way stays Pågående; what was only planned, or not done, is Planerad
 * again in the new plan.
 */
const STATUS_IN_NEW_YEAR: Record<PlanStatus, PlanStatus | null> = {
  Genomförd: null,
  "Delvis genomförd": "Pågående",
  Pågående: "Pågående",
  Planerad: "Planerad",
  "Ej genomförd": "Planerad",
};

/** Same activity text, ignoring case and spacing: it is already in the target plan. */
export function activityKey(area: string, activity: string): string {
  return `${area}\u0000${activity.toLocaleLowerCase("sv-SE").replace(/\s+/g, " ").trim()}`;
}

/**
 * The copies for `toYear`. Activities already there (copied before, or imported with the
 * same text in the same area) are skipped, so copying twice adds nothing.
 */
export function carryOver(
  from: readonly CarrySource[],
  toYear: number,
  existing: ReadonlyArray<{ area: string; activity: string; carriedFromId: number | null }>,
): { copies: CarriedActivity[]; skipped: number } {
  const present = new Set(existing.map((e) => activityKey(e.area, e.activity)));
  const copiedFrom = new Set(existing.flatMap((e) => (e.carriedFromId ? [e.carriedFromId] : [])));
  const nextPosition = existing.length;
  const copies: CarriedActivity[] = [];
  let skipped = 0;
  for (const a of [...from].sort((x, y) => x.position - y.position || x.id - y.id)) {
    const status = STATUS_IN_NEW_YEAR[a.status];
    if (status === null) continue;
    if (copiedFrom.has(a.id) || present.has(activityKey(a.area, a.activity))) {
      skipped++;
      continue;
    }
    copies.push({
      year: toYear,
      area: a.area,
      activity: a.activity,
      responsible: a.responsible,
      otherActors: a.otherActors,
      timeline: shiftTimeline(a.timeline, a.year, toYear),
      status,
      comment: null,
      courseId: a.courseId,
      targetPercent: a.targetPercent,
      targetDate: null,
      carriedFromId: a.id,
      carriedFromYear: a.year,
      position: nextPosition + copies.length,
    });
  }
  return { copies, skipped };
}

/**
 * "2019" or "Q2 2019" in the 2019 plan means "this year": it becomes the new year. "Löpande"
 * and other words stay as written.
 */
export function shiftTimeline(
  timeline: string | null,
  fromYear: number,
  toYear: number,
): string | null {
  if (timeline === null) return null;
  return timeline.replace(new RegExp(`\\b${fromYear}\\b`, "g"), String(toYear));
}
