/**
 * HR's files for the demo organisation (or a city-sized one): staff lists as of a date, the
 * webbutbildning platform's cumulative export and attendance lists for the deepened courses,
 * as .xlsx (title rows, Excel date cells) or as Swedish Excel saves CSV (Windows-1252, `;`).
 * The one generator behind the demo seed, the sample files in imports/examples/, tests and
 * bench/ — deterministic, so the same data always gives the same bytes.
 */
import * as XLSX from "xlsx";
import { DEFAULT_CATALOGUE } from "../../../courses/catalogue";
import { encodeWindows1252 } from "../../../imports/read/text";
import {
  DEMO_ORGANISATION,
  type DemoData,
  type DemoPerson,
  type DemoUnit,
} from "../../domain/demo-organisation";

export type Cell = string | number | null | { t: "n"; v: number; z: string };
export type Rows = Cell[][];

export const STAFF_HEADER = [
  "Anst.nr",
  "Förnamn",
  "Efternamn",
  "E-post",
  "Avdelning",
  "Avdelningskod",
  "Enhet",
  "Enhetskod",
  "Befattning",
  "Anställningsdatum",
];
export const EXPORT_HEADER = ["Namn", "E-post", "Kurs", "Status", "Startdatum", "Slutförd datum"];
export const ATTENDANCE_HEADER = ["Namn", "E-post", "Utbildning", "Datum"];

const TITLE = new Map(DEFAULT_CATALOGUE.map((c) => [c.id, c.title]));
const MANDATORY = "vbe-webb";

/** An Excel date cell (1900 date system) for an ISO date, shown as yyyy-mm-dd. */
export function dateCell(iso: string): Cell {
  const v = (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
  return { t: "n", v, z: "yyyy-mm-dd" };
}

/** Is the person employed on `date`, and in which enhet (after a move, the new one)? */
export function unitIndexOn(p: DemoPerson, date: string): number | null {
  if (p.validFrom > date || (p.validTo !== null && p.validTo < date)) return null;
  return p.move && p.move.validFrom <= date ? p.move.unitIndex : p.unitIndex;
}

/** The staff list as of `asOf`: everyone employed that day, one row each (STAFF_HEADER). */
export function staffRows(
  data: DemoData,
  asOf: string,
  organisation: readonly DemoUnit[] = DEMO_ORGANISATION,
): Rows {
  const enheter = organisation.flatMap((a) => a.children.map((e) => ({ ...e, avdelning: a })));
  const rows: Rows = [];
  for (const p of data.people) {
    const index = unitIndexOn(p, asOf);
    if (index === null) continue;
    const e = enheter[index]!;
    rows.push([
      p.employeeNo,
      p.firstName,
      p.lastName,
      p.email,
      e.avdelning.name,
      e.avdelning.code,
      e.name,
      e.code,
      p.title,
      dateCell(p.validFrom),
    ]);
  }
  return rows;
}

/**
 * The platform's cumulative export of the mandatory course (EXPORT_HEADER): one row per
 * person who started, with the completion date once done, and "Ej påbörjad" for those
 * enrolled (employed on `until`) who have not. `repeat` > 1 concatenates the export as
 * platforms do when each month's file repeats the earlier rows (city-sized benchmarks).
 */
export function exportRows(data: DemoData, until: string, repeat = 1): Rows {
  const started = new Map<string, string>();
  const completed = new Map<string, string>();
  for (const e of data.events) {
    if (e.courseId !== MANDATORY || e.date > until) continue;
    const into = e.kind === "started" ? started : completed;
    if (!into.has(e.employeeNo)) into.set(e.employeeNo, e.date);
  }
  const rows: Rows = [];
  for (const p of data.people) {
    const from = started.get(p.employeeNo);
    const done = completed.get(p.employeeNo);
    if (!from && unitIndexOn(p, until) === null) continue;
    const status = done ? "Genomförd" : from ? "Påbörjad" : "Ej påbörjad";
    const name = `${p.lastName}, ${p.firstName}`;
    rows.push([name, p.email, TITLE.get(MANDATORY)!, status, from ?? "", done ?? ""]);
  }
  return Array.from({ length: repeat }, () => rows).flat();
}

/** Attendance lists of the deepened courses up to `until` (ATTENDANCE_HEADER), by date. */
export function attendanceRows(data: DemoData, until: string): Rows {
  const byNo = new Map(data.people.map((p) => [p.employeeNo, p]));
  return data.events
    .filter((e) => e.courseId !== MANDATORY && e.date <= until)
    .sort((a, b) => a.date.localeCompare(b.date) || a.employeeNo.localeCompare(b.employeeNo))
    .map((e) => {
      const p = byNo.get(e.employeeNo)!;
      return [`${p.firstName} ${p.lastName}`, p.email, TITLE.get(e.courseId)!, dateCell(e.date)];
    });
}

/** An .xlsx workbook with one sheet: title rows, the header, the rows. */
export function xlsxFile(
  sheet: string,
  titles: string[],
  header: string[],
  rows: Rows,
): Uint8Array {
  const aoa: Rows = [...titles.map((t) => [t]), ...(titles.length ? [[]] : []), header, ...rows];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa, { dense: true }), sheet);
  // Text in a shared-string table, as Excel and LibreOffice save it (SheetJS's default writes
  // each text inline instead): the demo, the samples and the bench read what HR's Excel makes.
  return new Uint8Array(
    XLSX.write(wb, { type: "array", bookType: "xlsx", compression: true, bookSST: true }),
  );
}

/**
 * CSV as Swedish Excel saves it (Windows-1252, `;`), or as a web platform exports it
 * (`{ delimiter: ",", encoding: "utf-8-bom" }`); CRLF, RFC 4180 quoting, ISO dates.
 */
export function excelCsvFile(
  titles: string[],
  header: string[],
  rows: Rows,
  opts: { delimiter?: ";" | ","; encoding?: "windows-1252" | "utf-8-bom" } = {},
): Uint8Array {
  const delimiter = opts.delimiter ?? ";";
  const text = (c: Cell): string =>
    c === null ? "" : typeof c === "object" ? isoOfSerial(c.v) : String(c);
  const quote = (v: string) =>
    v.includes(delimiter) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  const lines = [...titles.map((t) => [t]), header, ...rows].map((r) =>
    r.map((c) => quote(text(c))).join(delimiter),
  );
  const csv = `${lines.join("\r\n")}\r\n`;
  return opts.encoding === "utf-8-bom"
    ? new TextEncoder().encode(`\ufeff${csv}`)
    : encodeWindows1252(csv);
}

function isoOfSerial(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

/** The staff list as of `asOf` as HR's system exports it (title rows above the header). */
export function staffFile(
  data: DemoData,
  asOf: string,
  format: "xlsx" | "csv",
  organisation: readonly DemoUnit[] = DEMO_ORGANISATION,
): Uint8Array {
  const titles = ["Personalförteckning", `Anställda per ${asOf}`];
  const rows = staffRows(data, asOf, organisation);
  return format === "xlsx"
    ? xlsxFile("Personal", titles, STAFF_HEADER, rows)
    : excelCsvFile(titles, STAFF_HEADER, rows);
}
