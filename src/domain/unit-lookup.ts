/**
 * Which unit a file row or form means: Enhetskod first, else Enhet by name at any level (an
 * avdelning too), ignoring case and extra spaces. A name several units share is refused with
 * their codes, so the person can write the code instead.
 */

export interface NamedUnit {
  id: number;
  code: string | null;
  name: string;
}

export interface UnitIndex<U extends NamedUnit> {
  byCode: Map<string, U[]>;
  byName: Map<string, U[]>;
}

/** Case-, space- and Unicode-insensitive form of a code or name. */
export const foldUnitName = (text: string) =>
  text.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("sv");

export function unitIndex<U extends NamedUnit>(units: readonly U[]): UnitIndex<U> {
  const byCode = new Map<string, U[]>();
  const byName = new Map<string, U[]>();
  const add = (map: Map<string, U[]>, key: string, u: U) => {
    const list = map.get(key);
    if (list) list.push(u);
    else map.set(key, [u]);
  };
  for (const u of units) {
    if (u.code) add(byCode, foldUnitName(u.code), u);
    add(byName, foldUnitName(u.name), u);
  }
  return { byCode, byName };
}

export type UnitLookup<U> = { unit: U } | { field: "unit" | "unitCode"; message: string };

const codesOf = (units: readonly NamedUnit[]) =>
  units.map((u) => u.code ?? `id ${u.id}`).join(", ");

export function lookupUnit<U extends NamedUnit>(
  index: UnitIndex<U>,
  name: string,
  code: string,
): UnitLookup<U> {
  if (code.trim() !== "") {
    const hits = index.byCode.get(foldUnitName(code)) ?? [];
    if (hits.length === 1) return { unit: hits[0]! };
    if (hits.length > 1)
      return {
        field: "unitCode",
        message: `enhetskoden '${code}' används av ${hits.length} enheter (${hits.map((u) => u.name).join(", ")}). Skriv enhetens namn i stället.`,
      };
    return {
      field: "unitCode",
      message: `det finns ingen enhet med koden '${code}'. Kontrollera koden eller skriv enhetens namn i kolumnen Enhet.`,
    };
  }
  const hits = index.byName.get(foldUnitName(name)) ?? [];
  if (hits.length === 1) return { unit: hits[0]! };
  if (hits.length > 1)
    return {
      field: "unit",
      message: `${hits.length} enheter heter '${name}' (koder ${codesOf(hits)}). Skriv enhetskoden i kolumnen Enhetskod.`,
    };
  return {
    field: "unit",
    message: `det finns ingen enhet som heter '${name}'. Kontrollera stavningen; nya enheter kommer in med personalimporten.`,
  };
}
