/**
 * A unit's staff with their status on the as-of date — for a chef, who still has to take
 * the course. Dates after the as-of date are not shown: on that date they had not happened.
 */
import { type CourseStatus, statusOn } from "./coverage";

export interface StaffRow {
  personId: number;
  employeeNo: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  title: string | null;
  unitName: string;
  unitCode: string | null;
  validFrom: string;
  /** Sysselsättningsgrad of this post, in percent, when known. */
  extent: number | null;
  /** The person's units outside the listed subtree on the date ("Nattpatrullen"). */
  otherUnits: string | null;
  startedOn: string | null;
  completedOn: string | null;
}

export interface StaffStatus {
  personId: number;
  employeeNo: string | null;
  /** "Förnamn Efternamn", as shown; the parts are kept for sorting by surname. */
  name: string;
  firstName: string;
  lastName: string;
  email: string | null;
  title: string | null;
  /** Unit names, joined when someone holds two employments in the subtree. */
  units: string;
  /** Sysselsättningsgrad of each post in the subtree (figures never add them up). */
  extents: number[];
  /** Units outside the subtree where the person also works, or null. */
  otherUnits: string | null;
  employedFrom: string;
  status: CourseStatus;
  startedOn: string | null;
  completedOn: string | null;
}

const SWEDISH = new Intl.Collator("sv");
const ORDER: Record<CourseStatus, number> = { not_started: 0, started: 1, completed: 2 };

/** One row per person; those who have not started first, then by surname and first name. */
export function staffStatus(rows: readonly StaffRow[], asOf: string): StaffStatus[] {
  const byPerson = new Map<number, StaffStatus>();
  for (const r of rows) {
    const seen = byPerson.get(r.personId);
    if (seen) {
      if (!seen.units.split(", ").includes(r.unitName)) seen.units += `, ${r.unitName}`;
      if (r.validFrom < seen.employedFrom) seen.employedFrom = r.validFrom;
      if (r.extent !== null) seen.extents.push(r.extent);
      continue;
    }
    const startedOn = r.startedOn !== null && r.startedOn <= asOf ? r.startedOn : null;
    const completedOn = r.completedOn !== null && r.completedOn <= asOf ? r.completedOn : null;
    byPerson.set(r.personId, {
      personId: r.personId,
      employeeNo: r.employeeNo,
      name: `${r.firstName} ${r.lastName}`.trim(),
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email,
      title: r.title,
      units: r.unitName,
      extents: r.extent !== null ? [r.extent] : [],
      otherUnits: r.otherUnits,
      employedFrom: r.validFrom,
      status: statusOn({ startedOn, completedOn }, asOf),
      startedOn,
      completedOn,
    });
  }
  const byName = (a: StaffStatus, b: StaffStatus) =>
    SWEDISH.compare(a.lastName, b.lastName) || SWEDISH.compare(a.firstName, b.firstName);
  return [...byPerson.values()].sort(
    (a, b) => ORDER[a.status] - ORDER[b.status] || byName(a, b) || a.personId - b.personId,
  );
}

export const STATUS_LABEL: Record<CourseStatus, string> = {
  not_started: "Ej påbörjad",
  started: "Påbörjad",
  completed: "Genomförd",
};
