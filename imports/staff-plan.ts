/**
 * The staff snapshot diff, pure: given what the database holds and a snapshot as of a date,
 * what to create, change and close. New people and moves open periods; moves and people
 * missing from the snapshot close the current period the day before the snapshot.
 */
import { addDays } from "../src/domain/dates";
import { normaliseTitle } from "../src/domain/titles";
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
  edits: Array<{ id: number; unit: UnitRef; title: string | null; before: OpenEmployment }>;
  opens: Array<{ person: PersonRef; unit: UnitRef; title: string | null; validFrom: string }>;
  counts: { created: number; updated: number; unchanged: number; left: number };
  /** Who is new, changed or gone ("Anna Berg (100001)"), for the preview. */
  who: { created: string[]; updated: string[]; left: string[] };
}

const label = (p: {
  firstName: string;
  lastName: string;
  employeeNo: string | null;
  email: string | null;
}) => `${`${p.firstName} ${p.lastName}`.trim()} (${p.employeeNo ?? p.email ?? "?"})`;

/**
 * `previousAsOf` is the latest earlier snapshot: someone it did not list was not employed on
 * its date, so a newcomer's period never starts on or before it, whatever Anställningsdatum
 * says — a report for an already imported date stays the same.
 */
export function planStaffSnapshot(
  state: {
    people: KnownPerson[];
    open: OpenEmployment[];
    units: KnownUnit[];
    lastEnd: Map<number, string>;
  },
  rows: readonly StaffRow[],
  asOf: string,
  previousAsOf: string | null = null,
): StaffPlan {
  const plan: StaffPlan = {
    newUnits: [],
    unitRenames: [],
    newPeople: [],
    personUpdates: [],
    closes: [],
    withdrawals: [],
    edits: [],
    opens: [],
    counts: { created: 0, updated: 0, unchanged: 0, left: 0 },
    who: { created: [], updated: [], left: [] },
  };
  const byId = new Map(state.people.map((p) => [p.id, p]));
  const dayBefore = addDays(asOf, -1);
  const notBefore = previousAsOf ? addDays(previousAsOf, 1) : null;
  const startOf = (date: string) => (notBefore && date < notBefore ? notBefore : date);
  const namesByCode = new Map<number, Set<string>>();
  const resolveUnit = unitResolver(state.units, plan, namesByCode);
  const byNo = new Map(state.people.filter((p) => p.employeeNo).map((p) => [p.employeeNo!, p]));
  const byEmail = new Map<string, KnownPerson>();
  for (const p of state.people) if (p.email && !byEmail.has(p.email)) byEmail.set(p.email, p);
  const openBy = new Map<number, OpenEmployment[]>();
  for (const e of state.open) openBy.set(e.personId, [...(openBy.get(e.personId) ?? []), e]);
  const present = new Set<number>();
  // An employment never ends before it starts: one that has not begun is withdrawn instead.
  const end = (e: OpenEmployment) => {
    if (e.validFrom <= dayBefore) plan.closes.push({ id: e.id, validTo: dayBefore });
    else plan.withdrawals.push(e);
  };

  for (const row of rows) {
    const unit = resolveUnit(row);
    const person = row.employeeNo
      ? byNo.get(row.employeeNo)
      : row.email
        ? byEmail.get(row.email)
        : undefined;
    if (!person) {
      plan.newPeople.push(row);
      plan.opens.push({
        person: { newIndex: plan.newPeople.length - 1 },
        unit,
        title: row.title,
        validFrom: startOf(row.employmentDate ?? asOf),
      });
      plan.counts.created++;
      plan.who.created.push(label(row));
      continue;
    }
    present.add(person.id);
    let changed = diffPerson(person, row, plan);
    const open = openBy.get(person.id) ?? [];
    const keep = open.find(
      (e) => sameUnit(e.unitId, unit) && (row.title === null || e.title === row.title),
    );
    for (const e of open) {
      if (e === keep) continue;
      changed = true;
      if (e === open[0] && !keep && e.validFrom >= asOf) {
        plan.edits.push({ id: e.id, unit, title: row.title ?? e.title, before: e });
      } else end(e);
    }
    const edited = plan.edits.some((x) => x.before.personId === person.id);
    if (!keep && !edited) {
      changed = true;
      const lastEnd = state.lastEnd.get(person.id);
      const rehired =
        open.length === 0 && row.employmentDate && (!lastEnd || row.employmentDate > lastEnd);
      plan.opens.push({
        person: { id: person.id },
        unit,
        title: row.title ?? open[0]?.title ?? null,
        validFrom: rehired ? startOf(row.employmentDate!) : asOf,
      });
    }
    if (changed) {
      plan.counts.updated++;
      plan.who.updated.push(label(row));
    }
    if (!changed) plan.counts.unchanged++;
  }

  // A unit found by its code under another name was renamed — unless the file gives that
  // code several names (a shared Kostnadsställe), then the known name stays.
  for (const u of state.units) {
    const names = [...(namesByCode.get(u.id) ?? [])];
    if (names.length === 1 && normaliseTitle(names[0]!) !== normaliseTitle(u.name)) {
      plan.unitRenames.push({ id: u.id, name: names[0]!, before: u.name });
    }
  }

  for (const [personId, open] of openBy) {
    if (present.has(personId)) continue;
    for (const e of open) end(e);
    plan.counts.left++;
    const gone = byId.get(personId);
    if (gone) plan.who.left.push(label(gone));
  }
  return plan;
}

function diffPerson(person: KnownPerson, row: StaffRow, plan: StaffPlan): boolean {
  const set: Partial<KnownPerson> = {};
  const before: Partial<KnownPerson> = {};
  const fields = ["firstName", "lastName", "email", "employeeNo"] as const;
  for (const f of fields) {
    const value = row[f];
    // An empty cell keeps what we know; it does not erase it.
    if (value === null || value === "" || value === person[f]) continue;
    Object.assign(set, { [f]: value });
    Object.assign(before, { [f]: person[f] });
  }
  if (Object.keys(set).length === 0) return false;
  // Undo restores the row exactly, including when it was last changed.
  if (person.updatedAt !== undefined) before.updatedAt = person.updatedAt;
  plan.personUpdates.push({ id: person.id, set, before });
  return true;
}

function sameUnit(unitId: number, ref: UnitRef): boolean {
  return "id" in ref && ref.id === unitId;
}

/** Finds Avdelning > Enhet by code, else by name under its parent; plans the missing ones. */
function unitResolver(
  units: readonly KnownUnit[],
  plan: StaffPlan,
  namesByCode: Map<number, Set<string>>,
) {
  const byCode = new Map(units.filter((u) => u.code).map((u) => [u.code!, u]));
  const byName = new Map<string, UnitRef>();
  const nameKey = (parent: UnitRef | null, name: string) =>
    `${parent ? ("id" in parent ? `u${parent.id}` : `n${parent.newIndex}`) : "root"}|${normaliseTitle(name)}`;
  for (const u of units)
    byName.set(nameKey(u.parentId ? { id: u.parentId } : null, u.name), { id: u.id });
  const newCodes = new Map<string, UnitRef>();

  const find = (name: string, code: string | null, parent: UnitRef | null): UnitRef => {
    if (code) {
      const known = byCode.get(code);
      if (known) {
        // A code-only column gives the code as the name: that is no new name for the unit.
        if (name && name !== code)
          namesByCode.set(known.id, (namesByCode.get(known.id) ?? new Set()).add(name));
        return { id: known.id };
      }
      const planned = newCodes.get(code);
      if (planned) return planned;
    }
    const key = nameKey(parent, name);
    const existing = byName.get(key);
    if (existing) return existing;
    plan.newUnits.push({ name, code, parent });
    const ref = { newIndex: plan.newUnits.length - 1 };
    byName.set(key, ref);
    if (code) newCodes.set(code, ref);
    return ref;
  };
  return (row: StaffRow): UnitRef => {
    const department =
      row.departmentName || row.departmentCode
        ? find(row.departmentName ?? row.departmentCode!, row.departmentCode, null)
        : null;
    return find(row.unitName, row.unitCode, department);
  };
}
