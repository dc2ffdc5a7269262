/**
 * Writes a planned staff snapshot set-based (bulk.ts): one statement per kind of change,
 * whatever the number of rows, and the undo log written the same way. Effects are recorded in
 * the order of the writes, so undo (newest first) deletes opened periods before the people
 * and units they point to.
 */
import { inArray, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { employments, units } from "../../../db/schema";
import type { StaffPlan, UnitRef } from "../../../imports/staff-plan";
import { insertRows, recordInsertedRange, updateRows } from "./bulk";

type Value = string | number | null;

export async function applyStaffPlan(tx: Tx, plan: StaffPlan, importId: number): Promise<void> {
  const newUnitIds = await insertUnits(tx, plan, importId);
  const unitId = (ref: UnitRef) => ("id" in ref ? ref.id : newUnitIds[ref.newIndex]!);
  await recordUpdates(
    tx,
    importId,
    "units",
    plan.unitRenames.map((r) => [r.id, { name: r.before }]),
  );
  await updateRows(
    tx,
    "units",
    ["name"],
    plan.unitRenames.map((r) => [r.id, r.name]),
  );

  const people = await insertRows(
    tx,
    "people",
    ["employee_no", "first_name", "last_name", "email"],
    plan.newPeople.map((r) => [r.employeeNo, r.firstName, r.lastName, r.email]),
  );
  await recordInsertedRange(tx, importId, "people", people);
  const personId = (i: number) => people.first + i;

  const now = new Date().toISOString();
  await recordUpdates(
    tx,
    importId,
    "people",
    plan.personUpdates.map((u) => [u.id, u.before]),
  );
  // An empty cell keeps what we know (the plan never sets null): COALESCE keeps the rest.
  if (plan.personUpdates.length > 0) {
    await tx.run(sql`UPDATE people SET
        employee_no = COALESCE(v.value ->> 1, employee_no),
        first_name = COALESCE(v.value ->> 2, first_name),
        last_name = COALESCE(v.value ->> 3, last_name),
        email = COALESCE(v.value ->> 4, email),
        updated_at = ${now}
      FROM json_each(${JSON.stringify(
        plan.personUpdates.map((u) => [
          u.id,
          u.set.employeeNo ?? null,
          u.set.firstName ?? null,
          u.set.lastName ?? null,
          u.set.email ?? null,
        ]),
      )}) AS v
      WHERE people.id = v.value ->> 0`);
  }

  // Every close sets the same date: one statement per snapshot, not per leaver.
  if (plan.closes.length > 0) {
    const ids = JSON.stringify(plan.closes.map((c) => c.id));
    await tx.run(sql`INSERT INTO import_effects (import_id, entity, entity_id, action, before)
      SELECT ${importId}, 'employments', value, 'update', '{"validTo":null}' FROM json_each(${ids})`);
    await tx.run(sql`UPDATE employments SET valid_to = ${plan.closes[0]!.validTo}
      WHERE id IN (SELECT value FROM json_each(${ids}))`);
  }
  // Withdrawn (never begun) periods are deleted; the effect keeps the whole row for undo.
  if (plan.withdrawals.length > 0) {
    const gone = await tx
      .delete(employments)
      .where(
        inArray(
          employments.id,
          plan.withdrawals.map((w) => w.id),
        ),
      )
      .returning();
    await insertRows(
      tx,
      "import_effects",
      ["import_id", "entity", "entity_id", "action", "before"],
      gone.map((row) => [importId, "employments", row.id, "delete", JSON.stringify(row)]),
    );
  }
  await recordUpdates(
    tx,
    importId,
    "employments",
    plan.edits.map((e) => [e.id, { unitId: e.before.unitId, title: e.before.title }]),
  );
  await updateRows(
    tx,
    "employments",
    ["unit_id", "title"],
    plan.edits.map((e) => [e.id, unitId(e.unit), e.title]),
  );
  const opened = await insertRows(
    tx,
    "employments",
    ["person_id", "unit_id", "title", "valid_from", "import_id"],
    plan.opens.map((o) => [
      "id" in o.person ? o.person.id : personId(o.person.newIndex),
      unitId(o.unit),
      o.title,
      o.validFrom,
      importId,
    ]),
  );
  await recordInsertedRange(tx, importId, "employments", opened);
}

/**
 * New units in two statements: inserted (ids come out consecutive), then parent and
 * materialised path set — a new unit's parent is always planned before it.
 */
async function insertUnits(tx: Tx, plan: StaffPlan, importId: number): Promise<number[]> {
  if (plan.newUnits.length === 0) return [];
  const range = await insertRows(
    tx,
    "units",
    ["name", "code"],
    plan.newUnits.map((u) => [u.name, u.code]),
  );
  const ids = plan.newUnits.map((_, i) => range.first + i);
  const knownParents = plan.newUnits.flatMap((u) =>
    u.parent && "id" in u.parent ? [u.parent.id] : [],
  );
  const known = new Map(
    (knownParents.length > 0
      ? await tx
          .select({ id: units.id, path: units.path })
          .from(units)
          .where(inArray(units.id, [...new Set(knownParents)]))
      : []
    ).map((u) => [u.id, u.path]),
  );
  const paths: string[] = [];
  const rows = plan.newUnits.map((u, i) => {
    const parentId = u.parent ? ("id" in u.parent ? u.parent.id : ids[u.parent.newIndex]!) : null;
    const parentPath = u.parent
      ? "id" in u.parent
        ? (known.get(u.parent.id) ?? "/")
        : paths[u.parent.newIndex]!
      : "/";
    paths.push(`${parentPath}${ids[i]}/`);
    return [ids[i]!, parentId, paths[i]!] as Value[];
  });
  await updateRows(tx, "units", ["parent_id", "path"], rows);
  await recordInsertedRange(tx, importId, "units", range);
  return ids;
}

/** `update` effects (the columns' values before) for one entity, one statement. */
async function recordUpdates(
  tx: Tx,
  importId: number,
  entity: string,
  rows: ReadonlyArray<[number, Record<string, unknown>]>,
): Promise<void> {
  await insertRows(
    tx,
    "import_effects",
    ["import_id", "entity", "entity_id", "action", "before"],
    rows.map(([id, before]) => [importId, entity, id, "update", JSON.stringify(before)]),
  );
}
