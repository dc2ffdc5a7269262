/**
 * Shared bits of the target-group files (enhetsuppgifter, kurskrav, undantag): the column
 * labels kept for messages written after the file is parsed (when units, courses and people
 * are looked up), and the tag list as people type it.
 */
import type { Field } from "./headers";
import type { RowError, Table } from "./table";
import { cleanText } from "./text-hygiene";

/** The header of each known column as the file wrote it ("Enhetskod", "Kostnadsställe"). */
export type ColumnLabels = Partial<Record<Field, string>>;

export function columnLabels(table: Table): ColumnLabels {
  const out: ColumnLabels = {};
  for (const [field, col] of Object.entries(table.columns)) {
    if (col) out[field as Field] = cleanText(col.label);
  }
  return out;
}

/** "Rad 4, kolumn Enhet: …" for a row error found after parsing (a lookup that failed). */
export function rowError(
  labels: ColumnLabels,
  row: number,
  field: Field | null,
  message: string,
): RowError {
  const label = field ? labels[field] : undefined;
  return { row, message: `Rad ${row}${label ? `, kolumn ${label}` : ""}: ${message}` };
}

/**
 * "skolsocialt team, Anhörigstöd; VBE" → ["skolsocialt team", "Anhörigstöd", "VBE"]: comma,
 * semicolon or line break between tags, trimmed, the same tag (any case) once.
 */
export function splitTags(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const tag = part.trim().replace(/\s+/g, " ");
    const key = tag.toLocaleLowerCase("sv");
    if (tag === "" || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** Tags compare case-insensitively ("VBE" = "vbe"). */
export const tagKey = (tag: string) => tag.trim().toLocaleLowerCase("sv");

/** Whole days as typed: "90", 90, "90 dagar"; null when blank, undefined when not a number. */
export function parseDays(text: string): number | null | undefined {
  const t = text.trim();
  if (t === "") return null;
  const m = /^(\d{1,4})(?:[.,]0+)?(?:\s*dagar?)?$/i.exec(t);
  return m ? Number(m[1]) : undefined;
}
