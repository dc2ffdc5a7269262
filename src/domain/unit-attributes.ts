/**
 * A unit's funktionsnivå and tags as the requirement rules see them: the level is the nearest
 * one set on the unit or an ancestor (a lower unit overrides), tags add up down the tree (a tag
 * covers the whole subtree). Resolved here, never copied down in the database.
 */
import type { FunctionLevel } from "../../db/schema";

export interface UnitAttributeFacts {
  id: number;
  /** Materialised path, `/1/7/23/`: the ids from the root down to the unit itself. */
  path: string;
  functionLevel: FunctionLevel | null;
}

export interface ResolvedUnitAttributes {
  functionLevel: FunctionLevel | null;
  /** Lower-cased tags of the unit and every ancestor. */
  tags: ReadonlySet<string>;
}

export function foldTag(tag: string): string {
  return tag.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("sv");
}

/** Resolved attributes per unit id, in one pass over the (small) units table. */
export function resolveUnitAttributes(
  units: readonly UnitAttributeFacts[],
  tags: ReadonlyArray<{ unitId: number; tag: string }>,
): Map<number, ResolvedUnitAttributes> {
  const own = new Map(units.map((u) => [u.id, u]));
  const ownTags = new Map<number, string[]>();
  for (const t of tags) ownTags.set(t.unitId, [...(ownTags.get(t.unitId) ?? []), foldTag(t.tag)]);
  const resolved = new Map<number, ResolvedUnitAttributes>();
  for (const unit of units) {
    const chain = unit.path.split("/").filter(Boolean).map(Number);
    let functionLevel: FunctionLevel | null = null;
    const unitTags = new Set<string>();
    for (const id of chain) {
      const level = own.get(id)?.functionLevel ?? null;
      // Walking from the root down, a lower unit's level replaces its ancestors'.
      if (level !== null) functionLevel = level;
      for (const tag of ownTags.get(id) ?? []) unitTags.add(tag);
    }
    resolved.set(unit.id, { functionLevel, tags: unitTags });
  }
  return resolved;
}
