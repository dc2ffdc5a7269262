/** Pure helpers for identifying people in files: names, e-mail, employee numbers, link keys. */

const SPACES = /[\s\u00a0]+/g;

/** "Berg, Anna" → Anna Berg; "Anna Maria Berg" → Anna Maria | Berg (last word is the surname). */
export function splitName(name: string): { firstName: string; lastName: string } {
  const s = name.replace(SPACES, " ").trim();
  const comma = s.indexOf(",");
  if (comma >= 0) {
    return { lastName: s.slice(0, comma).trim(), firstName: s.slice(comma + 1).trim() };
  }
  const space = s.lastIndexOf(" ");
  if (space < 0) return { firstName: "", lastName: s };
  return { firstName: s.slice(0, space), lastName: s.slice(space + 1) };
}

/** One form for a person's name, whichever order the file used: "anna berg". */
export function normaliseName(name: string): string {
  const { firstName, lastName } = splitName(name);
  return `${firstName} ${lastName}`
    .normalize("NFC")
    .toLocaleLowerCase("sv-SE")
    .replace(SPACES, " ")
    .trim();
}

/** Trimmed, lower-cased; `mailto:` and angle brackets removed; "" when it is no address. */
export function normaliseEmail(email: string): string {
  const s = email
    .trim()
    .replace(/^mailto:/i, "")
    .replace(/^<|>$/g, "")
    .trim()
    .toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(s) ? s : "";
}

/**
 * Employee numbers as one text: spaces removed and, when all digits, leading zeros dropped —
 * Excel turns "000123" into 123, so the CSV and the Excel file of the same person agree.
 */
export function normaliseEmployeeNo(value: string): string {
  const s = value.replace(SPACES, "").trim();
  if (/^\d+$/.test(s)) return s.replace(/^0+(?=\d)/, "");
  return s;
}

/** Keys of person_links: what HR linked by hand, reused by later imports. */
export function linkKeys(row: { email: string; name: string }): string[] {
  const keys: string[] = [];
  if (row.email) keys.push(`email:${row.email}`);
  if (row.name) keys.push(`name:${normaliseName(row.name)}`);
  return keys;
}
