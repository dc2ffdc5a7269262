/**
 * Whether an activity's Ansvarig names one of a chef's units: by unit name ("Enhetschef
 * Bredängs förskoleenhet") or by code ("FSK01"), as whole words, ignoring case.
 */

export interface NamedUnit {
  code: string | null;
  name: string;
}

function fold(text: string): string {
  return ` ${text
    .normalize("NFC")
    .toLocaleLowerCase("sv-SE")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
}

export function namesOwnUnit(responsible: string | null, units: readonly NamedUnit[]): boolean {
  if (!responsible) return false;
  const text = fold(responsible);
  return units.some(
    (u) =>
      (u.name.trim().length > 2 && text.includes(fold(u.name))) ||
      (u.code !== null && u.code.trim() !== "" && text.includes(fold(u.code))),
  );
}
