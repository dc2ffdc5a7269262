/**
 * What the target-group imports write, as undo records: rows they delete (kept whole, so undo
 * inserts them again) and rows they insert (deleted on undo). The deletes go through the
 * import service's set-based `deleteIds`, like the staff and course imports.
 */
import type { Tx } from "../../../db/client";
import { deleteIds } from "../imports/bulk";
import type { Effect, EffectEntity } from "../imports/record";

/** Deletes the rows (by id) and returns their undo records. */
export async function deleteRecorded(
  tx: Tx,
  importId: number,
  entity: EffectEntity,
  rows: ReadonlyArray<{ id: number }>,
): Promise<Effect[]> {
  await deleteIds(
    tx,
    entity,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    importId,
    entity,
    entityId: row.id,
    action: "delete",
    before: { ...row },
  }));
}

/** The undo records of rows an import inserted. */
export function insertedEffects(
  importId: number,
  entity: EffectEntity,
  added: ReadonlyArray<{ id: number }>,
): Effect[] {
  return added.map((a) => ({ importId, entity, entityId: a.id, action: "insert" }));
}
