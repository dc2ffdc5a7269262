/** Writes a planned staff snapshot and returns every write as an effect (for exact undo). */
import { eq, inArray } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { employments, people, units } from "../../../db/schema";
import type { StaffPlan, UnitRef } from "../../../imports/staff-plan";
import { createUnit } from "../units";
import { type Effect, inChunks } from "./record";

export async function applyStaffPlan(tx: Tx, plan: StaffPlan, importId: number): Promise<Effect[]> {
  const effects: Effect[] = [];
  const unitIds: number[] = [];
  const unitPaths = new Map<number, string>();
  for (const u of await tx.select({ id: units.id, path: units.path }).from(units)) {
    unitPaths.set(u.id, u.path);
  }
  const unitId = (ref: UnitRef) => ("id" in ref ? ref.id : unitIds[ref.newIndex]!);
  for (const u of plan.newUnits) {
    const parentId = u.parent ? unitId(u.parent) : null;
    const created = await createUnit(tx, {
      name: u.name,
      code: u.code,
      parentId,
      parentPath: parentId ? unitPaths.get(parentId) : "/",
    });
    unitIds.push(created.id);
    unitPaths.set(created.id, created.path);
    effects.push({ importId, entity: "units", entityId: created.id, action: "insert" });
  }
  for (const r of plan.unitRenames) {
    await tx.update(units).set({ name: r.name }).where(eq(units.id, r.id));
    effects.push({
      importId,
      entity: "units",
      entityId: r.id,
      action: "update",
      before: { name: r.before },
    });
  }

  const personIds: number[] = [];
  for (const batch of inChunks(plan.newPeople)) {
    const ids = await tx
      .insert(people)
      .values(
        batch.map((r) => ({
          employeeNo: r.employeeNo,
          firstName: r.firstName,
          lastName: r.lastName,
          email: r.email,
        })),
      )
      .returning({ id: people.id, employeeNo: people.employeeNo, email: people.email });
    const byKey = new Map(ids.map((p) => [p.employeeNo ?? `email:${p.email}`, p.id]));
    for (const r of batch) {
      const id = byKey.get(r.employeeNo ?? `email:${r.email}`);
      if (id === undefined) throw new Error("inserted person not returned");
      personIds.push(id);
      effects.push({ importId, entity: "people", entityId: id, action: "insert" });
    }
  }

  const now = new Date().toISOString();
  for (const u of plan.personUpdates) {
    await tx
      .update(people)
      .set({ ...u.set, updatedAt: now })
      .where(eq(people.id, u.id));
    effects.push({
      importId,
      entity: "people",
      entityId: u.id,
      action: "update",
      before: u.before,
    });
  }
  // Every close sets the same date: one statement per snapshot, not per leaver.
  for (const batch of inChunks(plan.closes)) {
    await tx
      .update(employments)
      .set({ validTo: batch[0]!.validTo })
      .where(
        inArray(
          employments.id,
          batch.map((c) => c.id),
        ),
      );
    for (const c of batch) {
      effects.push({
        importId,
        entity: "employments",
        entityId: c.id,
        action: "update",
        before: { validTo: null },
      });
    }
  }
  // Withdrawn (never begun) periods are deleted; the effect keeps the whole row for undo.
  for (const batch of inChunks(plan.withdrawals)) {
    const gone = await tx
      .delete(employments)
      .where(
        inArray(
          employments.id,
          batch.map((w) => w.id),
        ),
      )
      .returning();
    for (const row of gone) {
      effects.push({
        importId,
        entity: "employments",
        entityId: row.id,
        action: "delete",
        before: row,
      });
    }
  }
  for (const e of plan.edits) {
    await tx
      .update(employments)
      .set({ unitId: unitId(e.unit), title: e.title })
      .where(eq(employments.id, e.id));
    effects.push({
      importId,
      entity: "employments",
      entityId: e.id,
      action: "update",
      before: { unitId: e.before.unitId, title: e.before.title },
    });
  }
  for (const batch of inChunks(plan.opens)) {
    const ids = await tx
      .insert(employments)
      .values(
        batch.map((o) => ({
          personId: "id" in o.person ? o.person.id : personIds[o.person.newIndex]!,
          unitId: unitId(o.unit),
          title: o.title,
          validFrom: o.validFrom,
          importId,
        })),
      )
      .returning({ id: employments.id });
    for (const { id } of ids)
      effects.push({ importId, entity: "employments", entityId: id, action: "insert" });
  }
  return effects;
}
