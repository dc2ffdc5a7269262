/**
 * The date a staff file names for itself — in a title row above the header ("Personal per
 * 2019-12-31") or in its file name ("personal-2025-12-31.xlsx") — so the preview can check
 * the chosen "gäller per" date against it. The title row wins: people rename files.
 */
import { parseDate } from "./dates";

const DATE_TOKEN = /\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4}|\d{1,2} [a-zåäö]+\.? \d{4}/gi;

/** The first date written in any of the texts, as YYYY-MM-DD. */
export function dateInText(texts: readonly string[]): string | null {
  for (const text of texts) {
    for (const token of text.match(DATE_TOKEN) ?? []) {
      const d = parseDate(token);
      if (d) return d;
    }
  }
  return null;
}

/** "personal-20251231.csv" too: eight digits that make a real date. */
function compactDateInName(name: string): string | null {
  const m = /(?:^|\D)(\d{4})(\d{2})(\d{2})(?:\D|$)/.exec(name);
  return m ? (parseDate(`${m[1]}-${m[2]}-${m[3]}`) ?? null) : null;
}

export function fileDateOf(
  titleDate: string | null,
  fileName: string,
): { date: string; source: "rubrikraden" | "filnamnet" } | null {
  if (titleDate) return { date: titleDate, source: "rubrikraden" };
  const fromName = dateInText([fileName]) ?? compactDateInName(fileName);
  return fromName ? { date: fromName, source: "filnamnet" } : null;
}
