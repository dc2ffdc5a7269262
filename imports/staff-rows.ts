/**
 * A staff list (personalförteckning) as validated rows: one row per post (anställning), so a
 * person with two part-time posts has two rows under one employee number.
 */
import { parseExtent } from "./extent";
import { dateInText } from "./file-date";
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
  /** Sysselsättningsgrad in percent of full time, when the file has that column. */
  extent: number | null;
}

export interface StaffRows {
  rows: StaffRow[];
  errors: RowError[];
  /** Data rows in the file (blank rows not counted). */
  total: number;
  /** A date named in the title rows above the header ("Personal per 2019-12-31"). */
  titleDate?: string | null;
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
  const seen = new Map<string, StaffRow[]>();
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
    const extent = readExtent(r);
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
      extent,
    };
    const key = employeeNo ?? `email:${email}`;
    const earlier = seen.get(key) ?? [];
    const idField = c.employeeNo ? "employeeNo" : "email";
    const otherPerson = earlier.find((e) => !samePerson(e, row));
    if (otherPerson) {
      // Two people under one number: which of them is right only HR can tell.
      r.fail(
        idField,
        `${employeeNo ?? email} finns också på rad ${otherPerson.row} med andra uppgifter; låt varje person stå på en rad (har någon två tjänster, behåll huvudtjänsten)`,
      );
      continue;
    }
    // An identical repeated row is read once.
    if (earlier.some((e) => postKey(e) === postKey(row) && sameData(e, row))) continue;
    const samePost = earlier.find((e) => postKey(e) === postKey(row));
    if (samePost) {
      r.fail(
        idField,
        `${employeeNo ?? email} har samma tjänst (enhet och befattning) på rad ${samePost.row} men annat anställningsdatum eller annan sysselsättningsgrad; låt varje tjänst stå på en rad`,
      );
      continue;
    }
    seen.set(key, [...earlier, row]);
    rows.push(row);
  }
  return { rows, errors, total: table.rows.length, titleDate: dateInText(table.titleCells) };
}

function readExtent(r: RowReader): number | null {
  const cell = r.cell("extent");
  if (cell === null || (typeof cell === "string" && cell.trim() === "")) return null;
  const percent = parseExtent(cell);
  if (percent === undefined) {
    r.fail(
      "extent",
      `'${r.text("extent")}' är ingen sysselsättningsgrad (skriv t.ex. 50, 50 % eller 0,5)`,
    );
    return null;
  }
  return percent;
}

function samePerson(a: StaffRow, b: StaffRow): boolean {
  return a.firstName === b.firstName && a.lastName === b.lastName && a.email === b.email;
}

/** A post is a unit (with its avdelning) and a befattning. */
function postKey(r: StaffRow): string {
  return JSON.stringify([r.unitName, r.unitCode, r.departmentName, r.departmentCode, r.title]);
}

function sameData(a: StaffRow, b: StaffRow): boolean {
  return JSON.stringify({ ...a, row: 0 }) === JSON.stringify({ ...b, row: 0 });
}
