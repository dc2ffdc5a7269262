/**
 * The staff snapshot diff, pure: given what the database holds and a snapshot as of a date,
 * what to create, change and close. A person holds a set of posts (one row each); new posts
 * and moves open periods; moves, posts no longer listed and people missing from the snapshot
 * close the current period the day before the snapshot. Counts stay per person.
 */

import { addDays } from "../src/domain/dates";
import { normaliseTitle } from "../src/domain/titles";
import { IdTable } from "./id-table";
import { createdChange, leaverExplainer, updatedChange } from "./staff-changes";
import type { KnownPerson, OpenEmployment, StaffPlan, StaffState } from "./staff-plan-types";
import { describePostChanges, groupByPerson, matchPosts, type PostRow } from "./staff-posts";
import type { StaffRow } from "./staff-rows";
import { unitNamer, unitResolver } from "./staff-units";

export type {
  KnownPerson,
  KnownUnit,
  OpenEmployment,
  PersonRef,
  StaffPlan,
  StaffState,
  UnitRef,
} from "./staff-plan-types";

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
  state: StaffState,
  rows: readonly StaffRow[],
  asOf: string,
  previousAsOf: string | null = null,
): StaffPlan {
  const planned = planStaffWrites(state, rows, asOf, previousAsOf);
  planned.describe();
  return planned.plan;
}

/**
 * The plan's decisions, with `who` and `changes` left empty until `describe()`: a real apply
 * plans inside its write transaction and writes the words for HR (a label and an old → new
 * line per person, a third of the planning) after the lock is released — from the same
 * in-memory state, so they say exactly what was written.
 */
export function planStaffWrites(
  state: StaffState,
  rows: readonly StaffRow[],
  asOf: string,
  previousAsOf: string | null = null,
): { plan: StaffPlan; describe: () => void } {
  const later: Array<() => void> = [];
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
  const dayBefore = addDays(asOf, -1);
  const notBefore = previousAsOf ? addDays(previousAsOf, 1) : null;
  const startOf = (date: string) => (notBefore && date < notBefore ? notBefore : date);
  const namesByCode = new Map<number, Set<string>>();
  const resolveUnit = unitResolver(state.units, plan, namesByCode);
  const unitName = unitNamer(state.units, plan);
  const byNo = new Map<string, KnownPerson>();
  const byEmail = new Map<string, KnownPerson>();
  for (const p of state.people) {
    if (p.employeeNo) byNo.set(p.employeeNo, p);
    if (p.email && !byEmail.has(p.email)) byEmail.set(p.email, p);
  }
  // By person id in plain arrays, not Maps: a city has 48 000 people, and these are looked
  // up once a person (Map lookups were a fifth of planning an unchanged snapshot).
  const openBy = new IdTable<OpenEmployment[]>();
  for (const e of state.open) {
    const list = openBy.get(e.personId);
    if (list) list.push(e);
    else openBy.set(e.personId, [e]);
  }
  const present = new IdTable<true>();
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
      later.push(() => {
        plan.who.created.push(label(first));
        plan.changes.push(
          createdChange(
            rowsOfPerson,
            posts.map((p) => p.unit),
            unitName,
          ),
        );
      });
      continue;
    }
    present.set(person.id, true);
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
    if (!changed && !postsChanged) {
      plan.counts.unchanged++;
      continue;
    }
    plan.counts.updated++;
    later.push(() => {
      const postsLine =
        postsChanged && (open.length > 1 || posts.length > 1)
          ? describePostChanges(match, unitName)
          : "";
      if (postsLine) plan.who.posts.push(`${label(first)}: ${postsLine}`);
      plan.who.updated.push(label(first));
      const units = posts.map((p) => p.unit);
      plan.changes.push(updatedChange(person, rowsOfPerson, open, units, unitName, postsLine));
    });
  }

  // A unit found by its code under another name was renamed — unless the file gives that
  // code several names (a shared Kostnadsställe), then the known name stays.
  for (const u of state.units) {
    const names = [...(namesByCode.get(u.id) ?? [])];
    if (names.length === 1 && normaliseTitle(names[0]!) !== normaliseTitle(u.name)) {
      plan.unitRenames.push({ id: u.id, name: names[0]!, before: u.name });
    }
  }

  let byId: Map<number, KnownPerson> | undefined;
  for (const [personId, open] of openBy.entries()) {
    if (present.get(personId)) continue;
    for (const e of open) end(e);
    plan.counts.left++;
    byId ??= new Map(state.people.map((p) => [p.id, p]));
    const gone = byId.get(personId);
    if (!gone) continue;
    later.push(() => {
      plan.who.left.push(label(gone));
      plan.changes.push(explainLeaver(gone, open, unitName, dayBefore));
    });
  }
  plan.posts = {
    opened: plan.opens.length,
    closed: plan.closes.length + plan.withdrawals.length,
  };
  let described = false;
  const describe = () => {
    if (described) return;
    described = true;
    for (const write of later) write();
  };
  return { plan, describe };
}

const PERSON_FIELDS = ["firstName", "lastName", "email", "employeeNo"] as const;

function diffPerson(person: KnownPerson, row: StaffRow, plan: StaffPlan): boolean {
  // Nearly everyone is unchanged: the update objects are made at the first change only.
  let set: Partial<KnownPerson> | undefined;
  let before: Partial<KnownPerson> | undefined;
  for (const f of PERSON_FIELDS) {
    const value = row[f];
    // An empty cell keeps what we know; it does not erase it.
    if (value === null || value === "" || value === person[f]) continue;
    set = Object.assign(set ?? {}, { [f]: value });
    before = Object.assign(before ?? {}, { [f]: person[f] });
  }
  if (!set || !before) return false;
  // Undo restores the row exactly, including when it was last changed.
  if (person.updatedAt !== undefined) before.updatedAt = person.updatedAt;
  plan.personUpdates.push({ id: person.id, set, before });
  return true;
}
