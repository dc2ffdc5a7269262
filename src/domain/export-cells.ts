/**
 * Cells for spreadsheets people open in Excel: formula-injection escaping and CSV the way
 * Swedish Excel reads it (`;` separator, UTF-8 BOM, CRLF, RFC 4180 quoting).
 *
 * The apostrophe guard is for CSV only, where every field is parsed and may become a formula.
 * An .xlsx string cell is never a formula, so .xlsx exports write the literal text
 * (src/domain/export-xlsx.ts) and the apostrophe would only show as part of the name.
 */

export type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that Excel would read as a formula (= + - @, or a leading tab/CR) gets a
 * leading apostrophe so it stays text. Numbers are left alone: they are written as numbers.
 */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Numbers with a decimal comma, as Swedish Excel expects in CSV. */
function csvNumber(n: number): string {
  return String(n).replace(".", ",");
}

/**
 * Excel outside Swedish locales splits CSV lines at commas, not semicolons, so a text after
 * a comma starts a cell of its own ("Berg,=HYPERLINK(…)"): that part is escaped too.
 */
const FORMULA_AFTER_COMMA = /,([ \t]*)(?=[=+\-@\r])/g;

function csvField(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return csvNumber(cell);
  const text = escapeFormula(cell).replace(FORMULA_AFTER_COMMA, ",$1'");
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: BOM, header row, CRLF after every row. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(";"));
  return `\uFEFF${lines.map((l) => `${l}\r\n`).join("")}`;
}
