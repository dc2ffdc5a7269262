/**
 * The utbildningsplan's funktionsnivåer as people write them in files and forms:
 * "Förebyggande/upptäckande" or "Förhindrande/åtgärdande", or just the first word, any case.
 */
import type { FunctionLevel } from "../../db/schema";

export const FUNCTION_LEVEL_LABEL: Record<FunctionLevel, string> = {
  forebyggande: "Förebyggande/upptäckande",
  forhindrande: "Förhindrande/åtgärdande",
};

// Folded words (lower case, å/ä/ö kept) that name each level; the full label and the
// first word alone are both common in staff's own spreadsheets.
const WORDS: ReadonlyArray<readonly [string, FunctionLevel]> = [
  ["förebyggande/upptäckande", "forebyggande"],
  ["förebyggande", "forebyggande"],
  ["upptäckande", "forebyggande"],
  ["förhindrande/åtgärdande", "forhindrande"],
  ["förhindrande", "forhindrande"],
  ["åtgärdande", "forhindrande"],
];

/** The level a cell or form field names; null when it names none (blank included). */
export function parseFunctionLevel(text: string): FunctionLevel | null {
  const folded = text
    .normalize("NFC")
    .trim()
    .toLocaleLowerCase("sv")
    .replace(/\s*\/\s*/g, "/")
    .replace(/\s+/g, " ");
  if (folded === "") return null;
  for (const [word, level] of WORDS) if (folded === word) return level;
  return null;
}
