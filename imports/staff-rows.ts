/** A staff list (personalförteckning) as validated rows: one person per employee number. */
import { normaliseEmail, normaliseEmployeeNo, splitName } from "./people";
import { ImportFileError } from "./read/types";
import { type RowError, RowReader, type Table } from "./table";

export interface StaffRow {
  row: number;
  /** Employee number, or null when the file identifies people by e-mail only. */
  employeeNo: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  unitName: string;
  unitCode: string | null;
  departmentName: string | null;
  departmentCode: string | null;
  title: string | null;
  employmentDate: string | null;
}

export interface StaffRows {
  rows: StaffRow[];
  errors: RowError[];
  /** Data rows in the file (blank rows not counted). */
  total: number;
}

export function parseStaffRows(table: Table): StaffRows {
  const c = table.columns;
  if (!c.employeeNo && !c.email) {
    throw new ImportFileError(
      "Personalfilen saknar kolumnen Anställningsnummer (eller E-post) som identifierar varje person.",
    );
  }
  if (!c.unit && !c.unitCode) {
    throw new ImportFileError("Personalfilen saknar kolumnen Enhet (eller Enhetskod).");
  }
  if (!c.name && !c.firstName && !c.lastName) {
    throw new ImportFileError(
      "Personalfilen saknar namn: kolumnerna Förnamn och Efternamn, eller Namn.",
    );
  }
  const errors: RowError[] = [];
  const rows: StaffRow[] = [];
  const seen = new Map<string, StaffRow>();
  for (const tr of table.rows) {
    const r = new RowReader(table, tr, errors);
    const before = errors.length;
    const employeeNo = c.employeeNo ? normaliseEmployeeNo(r.text("employeeNo")) : null;
    // A placeholder ("-", "saknas") or a typo is not an address: kept as none, not an error,
    // since e-mail only helps matching course files.
    const email = normaliseEmail(r.text("email"));
    if (c.employeeNo && !employeeNo) r.fail("employeeNo", "anställningsnummer saknas");
    if (!c.employeeNo && !email) r.fail("email", "e-postadress saknas");
    let { firstName, lastName } = { firstName: r.text("firstName"), lastName: r.text("lastName") };
    if (!firstName && !lastName && r.text("name"))
      ({ firstName, lastName } = splitName(r.text("name")));
    if (!firstName && !lastName) r.fail(c.name ? "name" : "lastName", "namn saknas");
    let unitName = r.text("unit");
    let unitCode = r.text("unitCode") || null;
    let departmentName = r.text("department") || null;
    let departmentCode = r.text("departmentCode") || null;
    // Staff placed directly in an avdelning (e.g. its chef) have no Enhet.
    if (!unitName && !unitCode && (departmentName || departmentCode)) {
      [unitName, unitCode, departmentName, departmentCode] = [
        departmentName ?? "",
        departmentCode,
        null,
        null,
      ];
    }
    if (!unitName && !unitCode) r.fail(c.unit ? "unit" : "unitCode", "enhet saknas");
    const employmentDate = r.has("employmentDate")
      ? r.date("employmentDate")
      : r.has("startedOn")
        ? r.date("startedOn")
        : null;
    if (errors.length > before) continue;
    const row: StaffRow = {
      row: tr.row,
      employeeNo,
      firstName,
      lastName,
      email: email || null,
      unitName: unitName || unitCode!,
      unitCode,
      departmentName,
      departmentCode,
      title: r.text("title") || null,
      employmentDate,
    };
    const key = employeeNo ?? `email:${email}`;
    const earlier = seen.get(key);
    if (earlier) {
      if (!sameData(earlier, row)) {
        r.fail(
          c.employeeNo ? "employeeNo" : "email",
          `${employeeNo ?? email} finns också på rad ${earlier.row} med andra uppgifter; låt varje person stå på en rad (har någon två tjänster, behåll huvudtjänsten)`,
        );
      }
      continue;
    }
    seen.set(key, row);
    rows.push(row);
  }
  return { rows, errors, total: table.rows.length };
}

function sameData(a: StaffRow, b: StaffRow): boolean {
  return JSON.stringify({ ...a, row: 0 }) === JSON.stringify({ ...b, row: 0 });
}
