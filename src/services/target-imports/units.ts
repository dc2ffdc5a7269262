/**
 * Enhetsuppgifter: a row sets one unit's own funktionsnivå (blank = inherited from above) and
 * its complete list of tags (blank = none). A column the file lacks is left as it is, and so
 * are units the file does not name.
 */
import { eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../../db/client";
import { type FunctionLevel, units, unitTags } from "../../../db/schema";
import { type ColumnLabels, rowError, tagKey } from "../../../imports/target-columns";
import {
  parseUnitAttributeRows,
  UNIT_ATTRIBUTE_EXAMPLE,
  type UnitAttributeRows,
} from "../../../imports/unit-attribute-rows";
import { FUNCTION_LEVEL_LABEL } from "../../domain/function-level";
import { lookupUnit, unitIndex } from "../../domain/unit-lookup";
import type { Effect } from "../imports/record";
import { deleteRecorded, insertedEffects } from "./effects";
import type { TargetKindSpec, TargetPlan } from "./kind";

interface UnitChange {
  unitId: number;
  name: string;
  level: { from: FunctionLevel | null; to: FunctionLevel | null } | null;
  addTags: string[];
  removeTags: Array<{ id: number; unitId: number; tag: string }>;
}

export interface UnitAttributePlan extends TargetPlan {
  changes: UnitChange[];
}

const levelText = (l: FunctionLevel | null) => (l ? FUNCTION_LEVEL_LABEL[l] : "ärvs");

export async function loadUnitsWithTags(db: DbOrTx) {
  const [all, tags] = await Promise.all([
    db
      .select({
        id: units.id,
        code: units.code,
        name: units.name,
        functionLevel: units.functionLevel,
      })
      .from(units),
    db.select().from(unitTags),
  ]);
  return { units: all, tags };
}

async function planUnits(db: DbOrTx, parsed: UnitAttributeRows): Promise<UnitAttributePlan> {
  const state = await loadUnitsWithTags(db);
  const index = unitIndex(state.units);
  const labels: ColumnLabels = parsed.labels;
  const plan: UnitAttributePlan = { errors: [], counts: {}, details: [], empty: true, changes: [] };
  const seen = new Map<number, number>();
  let unchanged = 0;
  for (const row of parsed.rows) {
    const found = lookupUnit(index, row.unit, row.unitCode);
    if (!("unit" in found)) {
      plan.errors.push(rowError(labels, row.row, found.field, found.message));
      continue;
    }
    const unit = found.unit;
    const earlier = seen.get(unit.id);
    if (earlier !== undefined) {
      plan.errors.push(
        rowError(
          labels,
          row.row,
          row.unitCode ? "unitCode" : "unit",
          `${unit.name} står redan på rad ${earlier}. Skriv varje enhet på en rad.`,
        ),
      );
      continue;
    }
    seen.set(unit.id, row.row);
    const current = state.tags.filter((t) => t.unitId === unit.id);
    const change: UnitChange = {
      unitId: unit.id,
      name: unit.name,
      level: null,
      addTags: [],
      removeTags: [],
    };
    if (parsed.hasLevel && row.functionLevel !== unit.functionLevel)
      change.level = { from: unit.functionLevel, to: row.functionLevel };
    if (parsed.hasTags) {
      const wanted = new Set(row.tags.map(tagKey));
      const have = new Set(current.map((t) => tagKey(t.tag)));
      change.addTags = row.tags.filter((t) => !have.has(tagKey(t)));
      change.removeTags = current.filter((t) => !wanted.has(tagKey(t.tag)));
    }
    if (!change.level && change.addTags.length === 0 && change.removeTags.length === 0) {
      unchanged++;
      continue;
    }
    plan.changes.push(change);
    const parts: string[] = [];
    if (change.level)
      parts.push(`funktionsnivå ${levelText(change.level.from)} → ${levelText(change.level.to)}`);
    if (change.addTags.length > 0) parts.push(`nya taggar: ${change.addTags.join(", ")}`);
    if (change.removeTags.length > 0)
      parts.push(`tas bort: ${change.removeTags.map((t) => t.tag).join(", ")}`);
    plan.details.push(`${unit.name}: ${parts.join("; ")}`);
  }
  plan.counts = { changed: plan.changes.length, unchanged };
  plan.empty = plan.changes.length === 0;
  return plan;
}

/** Sets the levels and tags one unit at a time (a file names tens of units, not thousands). */
async function applyUnits(tx: Tx, plan: UnitAttributePlan, importId: number): Promise<Effect[]> {
  const effects: Effect[] = [];
  for (const c of plan.changes) {
    if (c.level) {
      await tx.update(units).set({ functionLevel: c.level.to }).where(eq(units.id, c.unitId));
      effects.push({
        importId,
        entity: "units",
        entityId: c.unitId,
        action: "update",
        before: { functionLevel: c.level.from },
      });
    }
    effects.push(...(await deleteRecorded(tx, importId, "unit_tags", c.removeTags)));
    if (c.addTags.length > 0) {
      const added = await tx
        .insert(unitTags)
        .values(c.addTags.map((tag) => ({ unitId: c.unitId, tag })))
        .returning({ id: unitTags.id });
      effects.push(...insertedEffects(importId, "unit_tags", added));
    }
  }
  return effects;
}

export const UNIT_ATTRIBUTES: TargetKindSpec<UnitAttributeRows, UnitAttributePlan> = {
  kind: "units",
  what: "fil med enhetsuppgifter",
  example: UNIT_ATTRIBUTE_EXAMPLE,
  parse: parseUnitAttributeRows,
  plan: planUnits,
  apply: (tx, plan, ctx) => applyUnits(tx, plan, ctx.importId),
};
