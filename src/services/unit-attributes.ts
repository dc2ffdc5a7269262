/**
 * Funktionsnivå and tags per unit, for admin/hr: the tree with what each unit sets itself and
 * what it inherits (a level from the nearest ancestor that sets one; tags from every
 * ancestor, since a tag covers the whole subtree), and the edit of one unit (audited).
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { type FunctionLevel, units, unitTags } from "../../db/schema";
import { tagKey } from "../../imports/target-columns";
import { ALL_UNITS } from "../auth/scope";
import { UserError } from "../domain/user-error";
import { audit } from "./audit";
import { loadUnitsWithTags } from "./target-imports/units";
import { unitsInScope } from "./units";

export interface UnitAttributes {
  id: number;
  code: string | null;
  name: string;
  depth: number;
  ownLevel: FunctionLevel | null;
  /** The level in force: own, else the nearest ancestor's; null when none sets one. */
  level: FunctionLevel | null;
  /** Name of the unit the level comes from when inherited. */
  levelFrom: string | null;
  ownTags: string[];
  inheritedTags: Array<{ tag: string; from: string }>;
}

/** Every unit in tree order with own and inherited attributes (admin/hr see all units). */
export async function listUnitAttributes(db: Db): Promise<UnitAttributes[]> {
  // Whole organisation: the page is for admin/hr, who see every unit.
  const [tree, state] = await Promise.all([unitsInScope(db, ALL_UNITS), loadUnitsWithTags(db)]);
  const byId = new Map(state.units.map((u) => [u.id, u]));
  const tagsOf = new Map<number, string[]>();
  for (const t of state.tags) tagsOf.set(t.unitId, [...(tagsOf.get(t.unitId) ?? []), t.tag]);
  return tree.map((u) => {
    const ancestors = u.path
      .split("/")
      .filter(Boolean)
      .map(Number)
      .filter((id) => id !== u.id)
      .reverse();
    const own = byId.get(u.id)?.functionLevel ?? null;
    const from = own ? null : ancestors.map((id) => byId.get(id)).find((a) => a?.functionLevel);
    const ownTags = (tagsOf.get(u.id) ?? []).sort((a, b) => a.localeCompare(b, "sv"));
    const ownKeys = new Set(ownTags.map(tagKey));
    const inheritedTags = ancestors
      .flatMap((id) =>
        (tagsOf.get(id) ?? []).map((tag) => ({ tag, from: byId.get(id)?.name ?? "" })),
      )
      .filter((t) => !ownKeys.has(tagKey(t.tag)));
    return {
      id: u.id,
      code: u.code,
      name: u.name,
      depth: u.depth,
      ownLevel: own,
      level: own ?? from?.functionLevel ?? null,
      levelFrom: from?.name ?? null,
      ownTags,
      inheritedTags,
    };
  });
}

export async function unitAttributesById(db: Db, id: number): Promise<UnitAttributes | null> {
  return (await listUnitAttributes(db)).find((u) => u.id === id) ?? null;
}

export interface UnitAttributeEdit {
  unitId: number;
  functionLevel: FunctionLevel | null;
  tags: string[];
}

/** Sets one unit's own level and its complete tag list; audited with before and after. */
export async function updateUnitAttributes(
  db: Db,
  edit: UnitAttributeEdit,
  who: { userId: number; ip: string | null },
): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    const [unit] = await tx.select().from(units).where(eq(units.id, edit.unitId));
    if (!unit) throw new UserError("Enheten finns inte.", 404);
    const current = await tx.select().from(unitTags).where(eq(unitTags.unitId, unit.id));
    const wanted = new Set(edit.tags.map(tagKey));
    const have = new Set(current.map((t) => tagKey(t.tag)));
    const remove = current.filter((t) => !wanted.has(tagKey(t.tag)));
    const add = edit.tags.filter((t) => !have.has(tagKey(t)));
    const levelChanged = unit.functionLevel !== edit.functionLevel;
    if (!levelChanged && remove.length === 0 && add.length === 0) return { changed: false };
    if (levelChanged)
      await tx
        .update(units)
        .set({ functionLevel: edit.functionLevel })
        .where(eq(units.id, unit.id));
    for (const t of remove) await tx.delete(unitTags).where(eq(unitTags.id, t.id));
    if (add.length > 0)
      await tx.insert(unitTags).values(add.map((tag) => ({ unitId: unit.id, tag })));
    await audit(tx, {
      userId: who.userId,
      action: "unit.attributes_changed",
      target: `unit:${unit.id}`,
      detail: {
        name: unit.name,
        functionLevel: { before: unit.functionLevel, after: edit.functionLevel },
        tagsAdded: add,
        tagsRemoved: remove.map((t) => t.tag),
      },
      ip: who.ip,
    });
    return { changed: true };
  });
}
