/**
 * Completion exports (webbutbildning) and attendance lists as dated events per row.
 * A file without a Status column is an attendance list: present = completed on Datum.
 */
import type { CompletionKind } from "../db/schema";
import { matchCourse, normaliseTitle } from "../src/domain/titles";
import { parseDate } from "./dates";
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
  // A file for one course may name it (and an attendance list its date) only in the title.
  const titleCourse = c.course ? null : courseInTitle(table.titleCells, courseIndex);
  if (!c.course && !titleCourse) {
    throw new ImportFileError(
      "Filen saknar kolumnen Kurs (eller Kursnamn/Utbildning), och rubriken ovanför tabellen nämner ingen kurs i katalogen.",
    );
  }
  const titleDate = !c.status && !c.completedOn && !c.date ? dateInTitle(table.titleCells) : null;
  if (!c.employeeNo && !c.email && !c.name && !c.lastName) {
    throw new ImportFileError(
      "Filen saknar kolumner som identifierar personen: Anställningsnummer, E-post eller Namn.",
    );
  }
  if (!c.status && !c.completedOn && !c.date && !titleDate) {
    throw new ImportFileError(
      "Filen saknar både Status och datum. En närvarolista behöver kolumnen Datum; en export från webbutbildningen Status och Slutförd datum.",
    );
  }
  const kind = c.status ? "completions" : "attendance";
  const errors: RowError[] = [];
  const rows: CompletionRow[] = [];
  let ignored = 0;
  const courseIds = new Map<string, string | null>();
  // Status labels repeat on every row: look each one up once.
  const labels = new Map<string, ReturnType<typeof progressOf>>();
  const progressFor = (label: string) => {
    if (!labels.has(label)) labels.set(label, progressOf(label));
    return labels.get(label)!;
  };
  for (const tr of table.rows) {
    const r = new RowReader(table, tr, errors);
    const before = errors.length;
    const courseText = c.course ? r.text("course") : titleCourse!;
    if (!courseText) {
      r.fail("course", "kurs saknas");
      continue;
    }
    let progress = c.status ? progressFor(r.text("status")) : "completed";
    if (c.status && r.text("status") === "") {
      progress = r.text("completedOn") ? "completed" : r.text("startedOn") ? "started" : "none";
    }
    // An unknown label is read from the dates when the row has any; otherwise it is an error.
    if (progress === null && (r.text("completedOn") || r.text("startedOn"))) {
      progress = r.text("completedOn") ? "completed" : "started";
    }
    // "Ej genomförd": started if the row says when, otherwise no progress.
    if (progress === "unfinished") progress = r.text("startedOn") ? "started" : "none";
    if (progress === null) {
      r.fail(
        "status",
        `'${r.text("status")}' är ingen känd status (t.ex. Påbörjad, Genomförd, Ej påbörjad)`,
      );
      continue;
    }
    let courseId = c.course ? courseIds.get(courseText) : titleCourse;
    if (courseId === undefined) {
      // The same few course titles repeat on every row: normalise and match each once.
      courseId = courseOf(courseIndex, courseText);
      courseIds.set(courseText, courseId);
    }
    if (progress === "none" || !courseId) {
      ignored++;
      continue;
    }
    const startedOn = r.date("startedOn");
    const completedOn = r.date("completedOn");
    const date = r.date("date") ?? titleDate;
    const events: CompletionEvent[] = [];
    if (errors.length > before) continue;
    if (progress === "completed") {
      // No completion date but a start date: the start is the best date the file gives.
      const on = completedOn ?? date ?? startedOn;
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

/** Catalogue id for a title as written, also with a trailing "(2025)" or "– version 2" removed. */
export function courseOf(index: Map<string, string>, title: string): string | null {
  return (
    matchCourse(index, title) ??
    matchCourse(index, title.replace(/\s*\([^)]*\)\s*$/, "")) ??
    matchCourse(index, title.replace(/\s*[-–,]\s*(version|ver\.?|v)\s*\d+\s*$/i, ""))
  );
}

/** The one catalogue course whose title or alias a title row contains, or null. */
export function courseInTitle(cells: readonly string[], index: Map<string, string>): string | null {
  const text = normaliseTitle(cells.join(" | "));
  const found = new Set<string>();
  for (const [title, id] of index) if (title.length > 3 && text.includes(title)) found.add(id);
  return found.size === 1 ? [...found][0]! : null;
}

function dateInTitle(cells: readonly string[]): string | null {
  for (const cell of cells) {
    for (const token of cell.match(
      /\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4}|\d{1,2} [a-zåäö]+\.? \d{4}/gi,
    ) ?? []) {
      const d = parseDate(token);
      if (d) return d;
    }
  }
  return null;
}
