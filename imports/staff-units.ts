/** Where a staff row's unit is: found by code, else by name under its avdelning, else planned. */
import { normaliseTitle } from "../src/domain/titles";
import type { KnownUnit, StaffPlan, UnitRef } from "./staff-plan";
import type { StaffRow } from "./staff-rows";

/** Finds Avdelning > Enhet by code, else by name under its parent; plans the missing ones. */
export function unitResolver(
  units: readonly KnownUnit[],
  plan: StaffPlan,
  namesByCode: Map<number, Set<string>>,
) {
  // One ref per known unit, found by code or by name and shared by every row in it (a city
  // file has 48 000 rows).
  const byCode = new Map<string, { id: number }>();
  const byName = new Map<string, UnitRef>();
  const nameKey = (parent: UnitRef | null, name: string) =>
    `${parent ? ("id" in parent ? `u${parent.id}` : `n${parent.newIndex}`) : "root"}|${normaliseTitle(name)}`;
  for (const u of units) {
    const ref = { id: u.id };
    if (u.code) byCode.set(u.code, ref);
    byName.set(nameKey(u.parentId ? { id: u.parentId } : null, u.name), ref);
  }
  const newCodes = new Map<string, UnitRef>();

  const find = (name: string, code: string | null, parent: UnitRef | null): UnitRef => {
    if (code) {
      const known = byCode.get(code);
      if (known) {
        // A code-only column gives the code as the name: that is no new name for the unit.
        if (name && name !== code) {
          const names = namesByCode.get(known.id);
          if (names) names.add(name);
          else namesByCode.set(known.id, new Set([name]));
        }
        return known;
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

/** A unit's name for messages, known or planned. */
export function unitNamer(units: readonly KnownUnit[], plan: StaffPlan) {
  const known = new Map(units.map((u) => [u.id, u.name]));
  return (ref: UnitRef): string =>
    "id" in ref
      ? (known.get(ref.id) ?? `enhet ${ref.id}`)
      : (plan.newUnits[ref.newIndex]?.name ?? "ny enhet");
}
