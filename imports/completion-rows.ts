/**
 * Completion exports (webbutbildning) and attendance lists as dated events per row.
 * A file without a Status column is an attendance list: present = completed on Datum.
 */
import type { CompletionKind } from "../db/schema";
import { matchCourse } from "../src/domain/titles";
import { normaliseEmail, normaliseEmployeeNo } from "./people";
import { ImportFileError } from "./read/types";
import { progressOf } from "./status";
import { type RowError, RowReader, type Table } from "./table";

export interface CompletionEvent {
  kind: CompletionKind;
  date: string;
}

export interface CompletionRow {
  row: number;
  employeeNo: string;
  email: string;
  /** "Förnamn Efternamn" or "Efternamn, Förnamn", as written. */
  name: string;
  courseId: string;
  events: CompletionEvent[];
  raw: Record<string, string>;
}

export interface CompletionRows {
  kind: "completions" | "attendance";
  rows: CompletionRow[];
  /** Rows for courses outside the catalogue and rows without progress ("Ej påbörjad"). */
  ignored: number;
  errors: RowError[];
  total: number;
}

export function parseCompletionRows(
  table: Table,
  courseIndex: Map<string, string>,
): CompletionRows {
  const c = table.columns;
  if (!c.course) {
    throw new ImportFileError("Filen saknar kolumnen Kurs (eller Kursnamn/Utbildning).");
  }
  if (!c.employeeNo && !c.email && !c.name && !c.lastName) {
    throw new ImportFileError(
      "Filen saknar kolumner som identifierar personen: Anställningsnummer, E-post eller Namn.",
    );
  }
  if (!c.status && !c.completedOn && !c.date) {
    throw new ImportFileError(
      "Filen saknar både Status och datum. En närvarolista behöver kolumnen Datum; en export från webbutbildningen Status och Slutförd datum.",
    );
  }
  const kind = c.status ? "completions" : "attendance";
  const errors: RowError[] = [];
  const rows: CompletionRow[] = [];
  let ignored = 0;
  for (const tr of table.rows) {
    const r = new RowReader(table, tr, errors);
    const before = errors.length;
    const courseText = r.text("course");
    if (!courseText) {
      r.fail("course", "kurs saknas");
      continue;
    }
    let progress = c.status ? progressOf(r.text("status")) : "completed";
    if (c.status && r.text("status") === "") {
      progress = r.text("completedOn") ? "completed" : r.text("startedOn") ? "started" : "none";
    }
    if (progress === null) {
      r.fail(
        "status",
        `'${r.text("status")}' är ingen känd status (t.ex. Påbörjad, Genomförd, Ej påbörjad)`,
      );
      continue;
    }
    const courseId = matchCourse(courseIndex, courseText);
    if (progress === "none" || !courseId) {
      ignored++;
      continue;
    }
    const startedOn = r.date("startedOn");
    const completedOn = r.date("completedOn");
    const date = r.date("date");
    const events: CompletionEvent[] = [];
    if (errors.length > before) continue;
    if (progress === "completed") {
      const on = completedOn ?? date;
      if (!on) r.fail(c.completedOn ? "completedOn" : "date", "datum saknas för en genomförd kurs");
      else events.push({ kind: "completed", date: on });
      if (startedOn) events.unshift({ kind: "started", date: startedOn });
    } else {
      const on = startedOn ?? date;
      if (!on) r.fail(c.startedOn ? "startedOn" : "date", "startdatum saknas för en påbörjad kurs");
      else events.push({ kind: "started", date: on });
    }
    const employeeNo = normaliseEmployeeNo(r.text("employeeNo"));
    const email = normaliseEmail(r.text("email"));
    const name = r.text("name") || [r.text("firstName"), r.text("lastName")].join(" ").trim();
    if (!employeeNo && !email && !name)
      r.fail(null, "varken anställningsnummer, e-post eller namn");
    if (errors.length > before) continue;
    rows.push({ row: tr.row, employeeNo, email, name, courseId, events, raw: r.raw() });
  }
  return { kind, rows, ignored, errors, total: table.rows.length };
}
