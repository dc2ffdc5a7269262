/**
 * The staff snapshot diff, pure: given what the database holds and a snapshot as of a date,
 * what to create, change and close. A person holds a set of posts (one row each); new posts
 * and moves open periods; moves, posts no longer listed and people missing from the snapshot
 * close the current period the day before the snapshot. Counts stay per person.
 */
import { addDays } from "../src/domain/dates";
import { normaliseTitle } from "../src/domain/titles";
import { createdChange, leaverExplainer, type StaffChange, updatedChange } from "./staff-changes";
import { describePostChanges, groupByPerson, matchPosts, type PostRow } from "./staff-posts";
import type { StaffRow } from "./staff-rows";
import { unitNamer, unitResolver } from "./staff-units";

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
    extentChanges: [],
    opens: [],
    counts: { created: 0, updated: 0, unchanged: 0, left: 0 },
    posts: { opened: 0, closed: 0 },
    who: { created: [], updated: [], left: [], posts: [] },
    changes: [],
  };
  const explainLeaver = leaverExplainer(rows);
  const byId = new Map(state.people.map((p) => [p.id, p]));
  const dayBefore = addDays(asOf, -1);
  const notBefore = previousAsOf ? addDays(previousAsOf, 1) : null;
  const startOf = (date: string) => (notBefore && date < notBefore ? notBefore : date);
  const namesByCode = new Map<number, Set<string>>();
  const resolveUnit = unitResolver(state.units, plan, namesByCode);
  const unitName = unitNamer(state.units, plan);
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

  for (const rowsOfPerson of groupByPerson(rows)) {
    const first = rowsOfPerson[0]!;
    const posts: PostRow[] = rowsOfPerson.map((row) => ({ row, unit: resolveUnit(row) }));
    const person = first.employeeNo
      ? byNo.get(first.employeeNo)
      : first.email
        ? byEmail.get(first.email)
        : undefined;
    if (!person) {
      plan.newPeople.push(first);
      const ref = { newIndex: plan.newPeople.length - 1 };
      for (const { row, unit } of posts) {
        const validFrom = startOf(row.employmentDate ?? asOf);
        plan.opens.push({ person: ref, unit, title: row.title, extent: row.extent, validFrom });
      }
      plan.counts.created++;
      plan.who.created.push(label(first));
      plan.changes.push(
        createdChange(
          rowsOfPerson,
          posts.map((p) => p.unit),
          unitName,
        ),
      );
      continue;
    }
    present.add(person.id);
    const open = openBy.get(person.id) ?? [];
    const match = matchPosts(open, posts);
    let changed = diffPerson(person, first, plan);
    for (const { open: e, post } of match.kept) {
      if (post.row.extent === null || post.row.extent === (e.extent ?? null)) continue;
      plan.extentChanges.push({ id: e.id, extent: post.row.extent, before: e.extent ?? null });
      changed = true;
    }
    for (const { open: e, post } of match.moved) {
      const title = post.row.title ?? e.title;
      const extent = post.row.extent ?? e.extent ?? null;
      // A post that has not begun is corrected in place rather than ended before it starts.
      if (e.validFrom >= asOf) {
        plan.edits.push({ id: e.id, unit: post.unit, title, extent, before: e });
        continue;
      }
      end(e);
      plan.opens.push({
        person: { id: person.id },
        unit: post.unit,
        title,
        extent,
        validFrom: asOf,
      });
    }
    for (const e of match.ended) end(e);
    const lastEnd = state.lastEnd.get(person.id);
    for (const { row, unit } of match.added) {
      // A post of its own date (a rehire, a second post) starts then, never before an end.
      const date = row.employmentDate;
      const validFrom = date && (!lastEnd || date > lastEnd) ? startOf(date) : asOf;
      plan.opens.push({
        person: { id: person.id },
        unit,
        title: row.title,
        extent: row.extent,
        validFrom,
      });
    }
    const postsChanged = match.moved.length + match.ended.length + match.added.length > 0;
    const postsLine =
      postsChanged && (open.length > 1 || posts.length > 1)
        ? describePostChanges(match, unitName)
        : "";
    if (postsLine) plan.who.posts.push(`${label(first)}: ${postsLine}`);
    if (changed || postsChanged) {
      plan.counts.updated++;
      plan.who.updated.push(label(first));
      const units = posts.map((p) => p.unit);
      plan.changes.push(updatedChange(person, rowsOfPerson, open, units, unitName, postsLine));
    } else plan.counts.unchanged++;
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
    if (gone) plan.changes.push(explainLeaver(gone, open, unitName, dayBefore));
  }
  plan.posts = {
    opened: plan.opens.length,
    closed: plan.closes.length + plan.withdrawals.length,
  };
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
