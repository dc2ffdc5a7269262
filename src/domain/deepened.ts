/**
 * deepened(Y) (DESIGN.md, "Figures"): distinct people with at least one deepened-course
 * completion event dated in Y. Someone who attended in 2018 and again in 2019 counts in both
 * years; two courses in one year count once. Employment at year end is not required — the
 * definition is about who attended during the year, and leavers did attend.
 */

/** One completion event of a deepened course. */
export interface DeepenedEvent {
  personId: number;
  courseId: string;
  date: string;
  /**
   * Path of the unit where the person was employed on the event date (null when no
   * employment covers it). Per-unit figures attribute the attendance there.
   */
  unitPath: string | null;
}

/** Distinct people with a deepened completion in `year`, optionally inside a unit subtree. */
export function deepenedIn(
  events: readonly DeepenedEvent[],
  year: number,
  unitPath?: string,
): number {
  const prefix = `${year}-`;
  const people = new Set<number>();
  for (const e of events) {
    if (!e.date.startsWith(prefix)) continue;
    if (unitPath !== undefined && (e.unitPath === null || !e.unitPath.startsWith(unitPath))) {
      continue;
    }
    people.add(e.personId);
  }
  return people.size;
}

export interface DeepenedRow<U> {
  unit: U | null;
  /** deepened(Y) per year, in the order of `years`. */
  counts: number[];
}

/**
 * Deepened attendance per unit and year, with a first row for the whole selection
 * (unit null) — which also counts people not employed anywhere on the course date.
 */
export function deepenedByUnitAndYear<U extends { path: string }>(
  events: readonly DeepenedEvent[],
  units: readonly U[],
  years: readonly number[],
): Array<DeepenedRow<U>> {
  return [
    { unit: null, counts: years.map((y) => deepenedIn(events, y)) },
    ...units.map((unit) => ({ unit, counts: years.map((y) => deepenedIn(events, y, unit.path)) })),
  ];
}
