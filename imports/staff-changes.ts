/**
 * What a staff snapshot changes for each person, for HR to check before confirming: old → new
 * unit, befattning, e-mail and name, and why someone counts as leaving. Pure; filled in by
 * planStaffSnapshot where it already holds the old and the new state. The preview shows the
 * first of them; the full list is a download (the saved preview planned again).
 */
import { normaliseName } from "./people";
import type { KnownPerson, OpenEmployment, UnitRef } from "./staff-plan";
import type { StaffRow } from "./staff-rows";

export interface StaffChange {
  kind: "created" | "updated" | "left";
  name: string;
  employeeNo: string | null;
  email: string | null;
  unit: Change;
  title: Change;
  /** Only when the file changes them. */
  emailChange: Change | null;
  nameChange: Change | null;
  /** Leavers: why they count as leaving and when the employment ends; several posts: what happens. */
  note: string;
}
export interface Change {
  before: string | null;
  after: string | null;
}

type UnitName = (ref: UnitRef) => string;
const fullName = (p: { firstName: string; lastName: string }) =>
  `${p.firstName} ${p.lastName}`.trim();
const distinct = (values: ReadonlyArray<string | null>): string | null => {
  const kept = [...new Set(values.filter((v): v is string => v !== null && v !== ""))];
  return kept.length > 0 ? kept.join(", ") : null;
};

export function createdChange(
  rows: readonly StaffRow[],
  units: readonly UnitRef[],
  unitName: UnitName,
): StaffChange {
  const first = rows[0]!;
  const starts = distinct(rows.map((r) => r.employmentDate));
  return {
    kind: "created",
    name: fullName(first),
    employeeNo: first.employeeNo,
    email: first.email,
    unit: { before: null, after: distinct(units.map(unitName)) },
    title: { before: null, after: distinct(rows.map((r) => r.title)) },
    emailChange: null,
    nameChange: null,
    note: starts ? `Anställd från ${starts}.` : "",
  };
}

/** Someone in the file and in the database whose person fields or posts change. */
export function updatedChange(
  person: KnownPerson,
  rows: readonly StaffRow[],
  open: readonly OpenEmployment[],
  units: readonly UnitRef[],
  unitName: UnitName,
  postsLine: string,
): StaffChange {
  const first = rows[0]!;
  const before = distinct(open.map((e) => unitName({ id: e.unitId })));
  const after = distinct(units.map(unitName));
  const titleBefore = distinct(open.map((e) => e.title));
  // An empty Befattning keeps the one we know (as the plan does).
  const titleAfter = distinct(rows.map((r) => r.title)) ?? titleBefore;
  const newName = fullName({
    firstName: first.firstName || person.firstName,
    lastName: first.lastName || person.lastName,
  });
  return {
    kind: "updated",
    name: newName,
    employeeNo: first.employeeNo ?? person.employeeNo,
    email: first.email ?? person.email,
    unit: { before, after },
    title: { before: titleBefore, after: titleAfter },
    emailChange:
      first.email && first.email !== person.email
        ? { before: person.email, after: first.email }
        : null,
    nameChange: newName !== fullName(person) ? { before: fullName(person), after: newName } : null,
    note: postsLine,
  };
}

/** Finds file rows by e-mail and by name: a leaver listed under another number is explained. */
export function leaverExplainer(rows: readonly StaffRow[]) {
  let byEmail: Map<string, StaffRow> | undefined;
  let byName: Map<string, StaffRow> | undefined;
  const index = () => {
    byEmail = new Map();
    byName = new Map();
    for (const r of rows) {
      if (r.email && !byEmail.has(r.email)) byEmail.set(r.email, r);
      const n = normaliseName(fullName(r));
      if (n && !byName.has(n)) byName.set(n, r);
    }
  };
  return (
    person: KnownPerson,
    open: readonly OpenEmployment[],
    unitName: UnitName,
    endsOn: string,
  ): StaffChange => {
    if (!byEmail || !byName) index();
    const key = person.employeeNo
      ? `anställningsnummer ${person.employeeNo}`
      : `e-postadressen ${person.email}`;
    const sameEmail = person.email ? byEmail!.get(person.email) : undefined;
    const sameName = byName!.get(normaliseName(fullName(person)));
    const why =
      sameEmail && sameEmail.employeeNo !== person.employeeNo
        ? `Filen har e-postadressen ${person.email} på rad ${sameEmail.row} men med anställningsnummer ${sameEmail.employeeNo ?? "(inget)"}, inte ${person.employeeNo ?? "(inget)"}: räknas som en ny person.`
        : sameName
          ? `Filen saknar ${key}, men rad ${sameName.row} har samma namn med ${sameName.employeeNo ? `anställningsnummer ${sameName.employeeNo}` : `e-post ${sameName.email}`}.`
          : `Filen saknar ${key}.`;
    return {
      kind: "left",
      name: fullName(person),
      employeeNo: person.employeeNo,
      email: person.email,
      unit: { before: distinct(open.map((e) => unitName({ id: e.unitId }))), after: null },
      title: { before: distinct(open.map((e) => e.title)), after: null },
      emailChange: null,
      nameChange: null,
      note: `${why} Anställningen avslutas ${endsOn}.`,
    };
  };
}
