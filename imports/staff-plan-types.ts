/** The staff snapshot plan's shapes: what the database holds and what a snapshot changes. */
import type { StaffChange } from "./staff-changes";
import type { StaffRow } from "./staff-rows";

export interface KnownPerson {
  id: number;
  employeeNo: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  updatedAt?: string | null;
}
export interface OpenEmployment {
  id: number;
  personId: number;
  unitId: number;
  title: string | null;
  validFrom: string;
  /** Sysselsättningsgrad in percent; absent or null when unknown. */
  extent?: number | null;
}
export interface KnownUnit {
  id: number;
  code: string | null;
  name: string;
  parentId: number | null;
}

/** An existing unit id, or the index of a unit in `newUnits`. */
export type UnitRef = { id: number } | { newIndex: number };
/** An existing person id, or the index of a person in `newPeople`. */
export type PersonRef = { id: number } | { newIndex: number };

export interface StaffPlan {
  newUnits: Array<{ name: string; code: string | null; parent: UnitRef | null }>;
  /** Known units (found by code) that the file names differently: HR renamed them. */
  unitRenames: Array<{ id: number; name: string; before: string }>;
  newPeople: StaffRow[];
  personUpdates: Array<{ id: number; set: Partial<KnownPerson>; before: Partial<KnownPerson> }>;
  /** Current periods that end the day before the snapshot (moves and leavers). */
  closes: Array<{ id: number; validTo: string }>;
  /**
   * Periods that had not begun by the snapshot and end before they start (a future hire the
   * snapshot no longer lists): withdrawn, since closing them would end them before they start.
   */
  withdrawals: OpenEmployment[];
  /** Periods that begin on or after the snapshot date, corrected in place. */
  edits: Array<{
    id: number;
    unit: UnitRef;
    title: string | null;
    extent: number | null;
    before: OpenEmployment;
  }>;
  /** Kept posts whose sysselsättningsgrad the file changes (in place: figures count people). */
  extentChanges: Array<{ id: number; extent: number; before: number | null }>;
  opens: Array<{
    person: PersonRef;
    unit: UnitRef;
    title: string | null;
    extent: number | null;
    validFrom: string;
  }>;
  counts: { created: number; updated: number; unchanged: number; left: number };
  /** Posts (employment periods) opened and closed or withdrawn. */
  posts: { opened: number; closed: number };
  /**
   * Who is new, changed or gone ("Anna Berg (100001)"); `posts` says what happened to the
   * posts of people with several ("… : slutar på Nattpatrullen, är kvar på Hemtjänst Bredäng").
   */
  who: { created: string[]; updated: string[]; left: string[]; posts: string[] };
  /** Per person: what changes (old → new) and why leavers leave (staff-changes.ts). */
  changes: StaffChange[];
}

export interface StaffState {
  people: KnownPerson[];
  open: OpenEmployment[];
  units: KnownUnit[];
  lastEnd: Map<number, string>;
}
