/**
 * Rows of an undantag file: Anställningsnummer or E-post, Kurs (blank = all courses), Från,
 * Till (blank = until further notice), Orsak. Pure: people and courses are looked up when
 * the import is planned.
 */
import { normaliseEmail, normaliseEmployeeNo } from "./people";
import { ImportFileError } from "./read/types";
import { type RowError, RowReader, type Table } from "./table";
import { type ColumnLabels, columnLabels } from "./target-columns";

export interface ExemptionRow {
  row: number;
  employeeNo: string;
  email: string;
  course: string;
  fromDate: string;
  toDate: string | null;
  reason: string;
}

export interface ExemptionRows {
  labels: ColumnLabels;
  rows: ExemptionRow[];
  errors: RowError[];
}

export const EXEMPTION_EXAMPLE = "Anställningsnummer, E-post, Kurs, Från, Till, Orsak";

export function parseExemptionRows(table: Table): ExemptionRows {
  const has = (f: keyof Table["columns"]) => table.columns[f] !== undefined;
  if (!has("employeeNo") && !has("email"))
    throw new ImportFileError(
      "Filen saknar kolumnen Anställningsnummer (eller E-post) som säger vem undantaget gäller.",
    );
  if (!has("fromDate"))
    throw new ImportFileError("Filen saknar kolumnen Från (undantagets första dag).");
  if (!has("reason"))
    throw new ImportFileError("Filen saknar kolumnen Orsak (t.ex. föräldraledighet).");
  const errors: RowError[] = [];
  const rows: ExemptionRow[] = [];
  for (const tr of table.rows) {
    const before = errors.length;
    const r = new RowReader(table, tr, errors);
    const employeeNo = normaliseEmployeeNo(r.text("employeeNo"));
    const emailText = r.text("email");
    const course = r.text("course");
    const reason = r.text("reason");
    const fromText = r.text("fromDate");
    const toText = r.text("toDate");
    if ([employeeNo, emailText, course, reason, fromText, toText].every((v) => v === "")) continue;
    const email = normaliseEmail(emailText);
    if (employeeNo === "" && email === "")
      r.fail(
        has("employeeNo") ? "employeeNo" : "email",
        "personen saknas. Skriv anställningsnummer eller e-post.",
      );
    const fromDate = fromText === "" ? null : r.date("fromDate");
    if (fromText === "")
      r.fail("fromDate", "datum saknas. Skriv undantagets första dag, t.ex. 2026-01-01.");
    const toDate = toText === "" ? null : r.date("toDate");
    if (fromDate && toDate && toDate < fromDate)
      r.fail("toDate", `${toDate} ligger före Från (${fromDate}). Till är undantagets sista dag.`);
    if (reason === "")
      r.fail("reason", "orsak saknas, t.ex. föräldraledighet eller långtidssjukskrivning.");
    if (errors.length > before || !fromDate) continue;
    rows.push({ row: tr.row, employeeNo, email, course, fromDate, toDate, reason });
  }
  return { labels: columnLabels(table), rows, errors };
}
