/**
 * Replays one import's effects backwards, a run of same-kind effects per statement:
 * inserted rows are deleted, updated rows get their `before` columns back, withdrawn rows
 * come back whole. Set-based (bulk.ts), so undo costs a few round trips, not one per row.
 */
import type { Tx } from "../../../db/client";
import {
  completions,
  employments,
  exemptions,
  people,
  personLinks,
  requirementRules,
  units,
  unitTags,
  unmatched,
} from "../../../db/schema";
import { columnNames, deleteIds, insertRows, updateRows } from "./bulk";
import type { Effect, EffectEntity } from "./record";

const TABLES = {
  units,
  people,
  employments,
  completions,
  person_links: personLinks,
  unmatched,
  unit_tags: unitTags,
  requirement_rules: requirementRules,
  exemptions,
} as const;

type Value = string | number | null;

/** `effects` in the order they were written; they are replayed last first. */
export async function revertEffects(tx: Tx, effects: readonly Effect[]): Promise<void> {
  let end = effects.length;
  while (end > 0) {
    const last = effects[end - 1]!;
    let start = end - 1;
    while (
      start > 0 &&
      effects[start - 1]!.entity === last.entity &&
      effects[start - 1]!.action === last.action
    )
      start--;
    const run = effects.slice(start, end);
    if (last.action === "insert") {
      await deleteIds(
        tx,
        last.entity,
        run.map((e) => e.entityId),
      );
    } else if (last.action === "update") {
      await restoreColumns(tx, last.entity, run);
    } else {
      await insertAgain(tx, last.entity, run);
    }
    end = start;
  }
}

/**
 * Updates in one run may touch a row twice; the earliest `before` is the original, so it
 * wins. Rows are grouped by which columns they restore: one UPDATE … FROM per group.
 */
async function restoreColumns(tx: Tx, entity: EffectEntity, run: readonly Effect[]) {
  const names = columnNames(TABLES[entity]);
  const byId = new Map<number, Record<string, unknown>>();
  for (let i = run.length - 1; i >= 0; i--) {
    const e = run[i]!;
    byId.set(e.entityId, { ...byId.get(e.entityId), ...(e.before ?? {}) });
  }
  const groups = new Map<string, Array<readonly Value[]>>();
  for (const [id, before] of byId) {
    const props = Object.keys(before).sort();
    if (props.length === 0) continue;
    const key = props.join(",");
    const values = props.map((p) => before[p] as Value);
    const group = groups.get(key) ?? [];
    if (group.length === 0) groups.set(key, group);
    group.push([id, ...values]);
  }
  for (const [key, rows] of groups) {
    const columns = key.split(",").map((p) => {
      const name = names.get(p);
      if (!name) throw new Error(`unknown column ${entity}.${p} in an undo record`);
      return name;
    });
    await updateRows(tx, entity, columns, rows);
  }
}

async function insertAgain(tx: Tx, entity: EffectEntity, run: readonly Effect[]) {
  const names = columnNames(TABLES[entity]);
  const props = [...names.keys()];
  const rows = run.map((e) => props.map((p) => (e.before?.[p] ?? null) as Value));
  await insertRows(
    tx,
    entity,
    props.map((p) => names.get(p)!),
    rows,
  );
}
