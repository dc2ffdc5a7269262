/**
 * Text from HR's files, made safe to store and show. Names, e-mail addresses and unit names
 * are compared and displayed everywhere, so:
 * - Unicode NFC: an "Åsa" typed as A + combining ring (NFD, what macOS often writes) is the
 *   same person as a precomposed "Åsa";
 * - control characters go (C0 and C1, including ESC, which could send escape codes to the
 *   terminal of whoever prints a name in the CLI), as do bidirectional overrides and
 *   isolates (U+202E can make "gpj.exe" read as "exe.jpg" in a staff list) and invisible
 *   zero-width characters (two "identical" names that differ by a U+200B);
 * - every kind of space becomes one plain space, trimmed at both ends;
 * - fields have a maximum length: a 10 000-character "name" is a broken file, not a person.
 */
import type { Field } from "./headers";

// Tab, line breaks and the Unicode spaces read as a space.
const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
// C0 and C1 controls (after spaces were taken), DEL, soft hyphen, Arabic letter mark,
// Mongolian vowel separator, zero-width space/joiners, LRM/RLM, bidi embeddings and
// overrides, word joiner and invisible operators, bidi isolates, byte-order mark.
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

// Printable ASCII and Latin-1 letters (no soft hyphen, no no-break space) in words separated
// by single spaces: already clean and already NFC (no Latin-1 character decomposes under NFC).
// Nearly every cell of a real file is like this; testing once is far cheaper than five passes.
const ALREADY_CLEAN =
  /^[\x21-\x7e\u00a1-\u00ac\u00ae-\u00ff]+(?: [\x21-\x7e\u00a1-\u00ac\u00ae-\u00ff]+)*$/;

// The rest repeats too (a course title with an en dash on every row): each is cleaned once.
const CLEANED = new Map<string, string>();
const CLEANED_MAX = 10_000;

export function cleanText(value: string): string {
  if (ALREADY_CLEAN.test(value)) return value;
  let clean = CLEANED.get(value);
  if (clean === undefined) {
    if (CLEANED.size >= CLEANED_MAX) CLEANED.clear();
    clean = cleanSlowly(value);
    CLEANED.set(value, clean);
  }
  return clean;
}

function cleanSlowly(value: string): string {
  return value
    .replace(SPACES, " ")
    .replace(INVISIBLE, "")
    .normalize("NFC")
    .replace(SPACES, " ")
    .trim();
}

/** The longest text accepted per field (characters, after cleaning). */
export const FIELD_MAX_LENGTH: Partial<Record<Field, number>> = {
  employeeNo: 40,
  firstName: 100,
  lastName: 100,
  name: 200,
  email: 254, // RFC 5321's limit for an address
  unit: 200,
  unitCode: 50,
  department: 200,
  departmentCode: 50,
  title: 200,
  course: 300,
  status: 100,
  functionLevel: 100,
  tags: 500,
  reason: 300,
};

/** A Swedish row-error message when `text` is longer than its field allows, else null. */
export function lengthProblem(field: Field, text: string): string | null {
  const max = FIELD_MAX_LENGTH[field];
  if (max === undefined || text.length <= max) return null;
  return `texten är för lång (${text.length.toLocaleString("sv-SE")} tecken, högst ${max})`;
}
