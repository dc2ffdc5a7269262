/**
 * Coverage figures (DESIGN.md, "Figures"). Pure: callers pass the people employed on the
 * as-of date with their earliest start and completion dates for the course.
 */

export type CourseStatus = "completed" | "started" | "not_started";

/** One employed person and what they have done of one course (earliest dates, any time). */
export interface StaffCourseFacts {
  personId: number;
  unitId: number;
  /** Materialised unit path (`/1/7/`) so rows can be grouped under any ancestor. */
  unitPath: string;
  startedOn: string | null;
  completedOn: string | null;
}

/** An employment period with the person's earliest dates: enough to answer any as-of date. */
export interface EmploymentFacts extends StaffCourseFacts {
  validFrom: string;
  /** Last day employed; null = current. */
  validTo: string | null;
  /** Befattning (requirement rules match it); loaders that know it set it. */
  title?: string | null;
}

/** The rows whose employment covers `date` (headcount's "employment covering D"). */
export function employedOn<R extends EmploymentFacts>(rows: readonly R[], date: string): R[] {
  return rows.filter((r) => r.validFrom <= date && (r.validTo === null || r.validTo >= date));
}

/** The earlier of a person's first start and first completion, or null if neither. */
export function firstReachedOn(
  facts: Pick<StaffCourseFacts, "startedOn" | "completedOn">,
): string | null {
  const { startedOn, completedOn } = facts;
  if (startedOn === null) return completedOn;
  if (completedOn === null) return startedOn;
  // ISO dates compare as text (Math.min would compare numbers).
  return [startedOn, completedOn].sort()[0]!;
}

/**
 * reachedInYear(Y): distinct people among `rows` (the staff employed on Y-12-31) whose
 * earliest start or completion lies in Y.
 */
export function reachedInYearOf(rows: readonly StaffCourseFacts[], year: number): number {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const people = new Set<number>();
  for (const row of rows) {
    const first = firstReachedOn(row);
    if (first !== null && first >= from && first <= to) people.add(row.personId);
  }
  return people.size;
}

export interface CoverageFigures {
  headcount: number;
  /** Started or completed on or before the as-of date. */
  reached: number;
  completed: number;
  notStarted: number;
  /** reached / headcount in percent, one decimal; null for an empty unit. */
  percentReached: number | null;
}

/** Status on `asOf`: completed beats started, and events after the date do not count yet. */
export function statusOn(
  facts: Pick<StaffCourseFacts, "startedOn" | "completedOn">,
  asOf: string,
): CourseStatus {
  if (facts.completedOn !== null && facts.completedOn <= asOf) return "completed";
  if (facts.startedOn !== null && facts.startedOn <= asOf) return "started";
  return "not_started";
}

export function percent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** Headcount counts distinct people, even when someone holds two employments on the date. */
export function coverageOf(rows: readonly StaffCourseFacts[], asOf: string): CoverageFigures {
  const byPerson = new Map<number, CourseStatus>();
  for (const row of rows) {
    const status = statusOn(row, asOf);
    const seen = byPerson.get(row.personId);
    if (seen === undefined || rank(status) > rank(seen)) byPerson.set(row.personId, status);
  }
  let reached = 0;
  let completed = 0;
  for (const status of byPerson.values()) {
    if (status !== "not_started") reached++;
    if (status === "completed") completed++;
  }
  const headcount = byPerson.size;
  return {
    headcount,
    reached,
    completed,
    notStarted: headcount - reached,
    percentReached: percent(reached, headcount),
  };
}

function rank(status: CourseStatus): number {
  return status === "completed" ? 2 : status === "started" ? 1 : 0;
}

export interface UnitRef {
  id: number;
  code: string | null;
  name: string;
  path: string;
}

/** Figures per child unit: each row counts under the child whose subtree holds its unit. */
export function coverageByUnit<U extends UnitRef>(
  rows: readonly StaffCourseFacts[],
  units: readonly U[],
  asOf: string,
): Array<{ unit: U } & CoverageFigures> {
  return units.map((unit) => ({
    unit,
    ...coverageOf(
      rows.filter((row) => row.unitPath.startsWith(unit.path)),
      asOf,
    ),
  }));
}
