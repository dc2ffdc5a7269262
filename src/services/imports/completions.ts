/**
 * Completion exports and attendance lists: dated events per matched row; rows matching no
 * person go to the queue. Parsed once; people are matched in bulk (everyone loaded as one
 * JSON row); a real apply matches and writes inside its write transaction, set-based, and
 * events already known are skipped by the unique index (a cumulative export adds nothing).
 */
import { sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../../db/client";
import { completions } from "../../../db/schema";
import type { CompletionRow, CompletionRows } from "../../../imports/completion-rows";
import { personMatcher } from "../../../imports/person-matcher";
import { ImportFileError } from "../../../imports/read/types";
import { unmatchedCollector } from "../../../imports/unmatched-reasons";
import { audit } from "../audit";
import { loadCourseTitleIndex } from "../courses";
import { insertRows, recordInsertedRange } from "./bulk";
import { type ParsedFile, parseCompletionFile } from "./parse";
import { createImport, type Effect, findSameFile, finishImport } from "./record";
import type { CompletionsReport, ImportInput } from "./types";

/** Same person, course and dates: a cumulative export's repeat of a row already queued. */
export function unmatchedKey(r: {
  employeeNo: string | null;
  email: string | null;
  name: string | null;
  courseId: string | null;
  startedOn: string | null;
  completedOn: string | null;
}): string {
  return JSON.stringify([
    r.employeeNo ?? "",
    r.email ?? "",
    r.name ?? "",
    r.courseId,
    r.startedOn,
    r.completedOn,
  ]);
}

function unmatchedRow(r: CompletionRow) {
  return {
    rowNumber: r.row,
    raw: r.raw,
    name: r.name || null,
    email: r.email || null,
    employeeNo: r.employeeNo || null,
    courseId: r.courseId,
    startedOn: r.events.find((e) => e.kind === "started")?.date ?? null,
    completedOn: r.events.find((e) => e.kind === "completed")?.date ?? null,
  };
}

type EventRow = [personId: number, courseId: string, kind: string, date: string, row: number];

export async function importCompletions(
  db: Db,
  input: ImportInput<ParsedFile<CompletionRows>>,
): Promise<CompletionsReport> {
  const t0 = Date.now();
  const parsed =
    input.parsed ??
    (await parseCompletionFile(
      input.bytes,
      input.fileName,
      await loadCourseTitleIndex(db),
      input.limits,
    ));
  const rows = parsed.rows;
  const report: CompletionsReport = {
    kind: "completions",
    fileKind: rows.kind,
    rows: rows.total,
    matched: 0,
    unmatched: 0,
    ignored: rows.ignored,
    errors: rows.errors,
    dryRun: input.dryRun,
    importId: null,
    alreadyImportedAs: null,
    format: parsed.format,
    fileName: input.fileName,
    newEvents: 0,
  };
  if (input.timings) input.timings.parseMs = Date.now() - t0;
  if (rows.errors.length > 0) return report;
  if (input.dryRun) {
    report.alreadyImportedAs = await findSameFile(db, rows.kind, parsed.sha256, null);
    const m = await matchRows(db, rows.rows, report);
    report.newEvents = await countNewEvents(db, m.events);
    return report;
  }
  const t1 = Date.now();
  await db.transaction(async (tx) => {
    report.alreadyImportedAs = await findSameFile(tx, rows.kind, parsed.sha256, null);
    if (report.alreadyImportedAs === null && input.claim && !(await input.claim(tx))) {
      throw new ImportFileError("Förhandsgranskningen finns inte längre. Ladda upp filen igen.");
    }
    const m = await matchRows(tx, rows.rows, report);
    if (report.alreadyImportedAs !== null) {
      report.newEvents = await countNewEvents(tx, m.events);
      return;
    }
    report.importId = await createImport(tx, {
      kind: rows.kind,
      fileName: input.fileName,
      sha256: parsed.sha256,
      asOf: null,
      userId: input.userId,
    });
    report.newEvents = await insertNewEvents(tx, m.events, report.importId);
    const queued = await insertRows(
      tx,
      "unmatched",
      [
        "import_id",
        "row_number",
        "raw",
        "name",
        "email",
        "employee_no",
        "course_id",
        "started_on",
        "completed_on",
      ],
      m.toQueue.map((r) => {
        const u = unmatchedRow(r);
        return [
          report.importId,
          u.rowNumber,
          JSON.stringify(u.raw),
          u.name,
          u.email,
          u.employeeNo,
          u.courseId,
          u.startedOn,
          u.completedOn,
        ];
      }),
    );
    await recordInsertedRange(tx, report.importId, "unmatched", queued);
    const counts = {
      rows: report.rows,
      matched: report.matched,
      unmatched: report.unmatched,
      ignored: report.ignored,
      events: report.newEvents,
    };
    await finishImport(tx, report.importId, counts);
    await audit(tx, {
      userId: input.userId,
      action: "import.applied",
      target: `import:${report.importId}`,
      detail: { kind: rows.kind, fileName: input.fileName, sha256: parsed.sha256, ...counts },
      ip: input.ip ?? null,
    });
  });
  if (input.timings) input.timings.writeMs = Date.now() - t1;
  return report;
}

/** Everyone and every manual link in two queries, then matched in memory; counts in `report`. */
async function matchRows(db: DbOrTx, rows: readonly CompletionRow[], report: CompletionsReport) {
  const [[people], [links], [queued]] = await Promise.all([
    db.all<{ j: string }>(
      sql`SELECT json_group_array(json_array(id, employee_no, email)) AS j FROM people`,
    ),
    db.all<{ j: string }>(
      sql`SELECT json_group_array(json_array(key, person_id)) AS j FROM person_links`,
    ),
    db.all<{ j: string }>(
      sql`SELECT json_group_array(json_array(employee_no, email, name, course_id, started_on, completed_on)) AS j
          FROM unmatched WHERE status IN ('open', 'dismissed')`,
    ),
  ]);
  const known = (JSON.parse(people?.j ?? "[]") as [number, string | null, string | null][]).map(
    ([id, employeeNo, email]) => ({ id, employeeNo, email }),
  );
  const match = personMatcher(known, new Map(JSON.parse(links?.j ?? "[]") as [string, number][]));
  const alreadyQueued = new Set(
    (JSON.parse(queued?.j ?? "[]") as (string | null)[][]).map(
      ([employeeNo, email, name, courseId, startedOn, completedOn]) =>
        unmatchedKey({
          employeeNo: employeeNo ?? null,
          email: email ?? null,
          name: name ?? null,
          courseId: courseId ?? null,
          startedOn: startedOn ?? null,
          completedOn: completedOn ?? null,
        }),
    ),
  );
  const seen = new Set<string>();
  const events: EventRow[] = [];
  const toQueue: CompletionRow[] = [];
  const whyUnmatched = unmatchedCollector(known);
  report.matched = 0;
  report.unmatched = 0;
  for (const row of rows) {
    const personId = match(row);
    if (personId === null) {
      report.unmatched++;
      whyUnmatched.add(row);
      const key = unmatchedKey(unmatchedRow(row));
      if (!alreadyQueued.has(key)) toQueue.push(row);
      alreadyQueued.add(key);
      continue;
    }
    report.matched++;
    for (const e of row.events) {
      const key = `${personId}|${row.courseId}|${e.kind}|${e.date}`;
      if (seen.has(key)) continue;
      seen.add(key);
      events.push([personId, row.courseId, e.kind, e.date, row.row]);
    }
  }
  report.unmatchedDetail = whyUnmatched.result();
  return { events, toQueue };
}

/** Events of the file not yet in the database (the preview's "new events"), one query. */
async function countNewEvents(db: DbOrTx, events: readonly EventRow[]): Promise<number> {
  if (events.length === 0) return 0;
  const [row] = await db.all<{
    n: number;
  }>(sql`SELECT COUNT(*) AS n FROM json_each(${JSON.stringify(events)}) AS v
    WHERE NOT EXISTS (SELECT 1 FROM completions c WHERE c.person_id = v.value ->> 0
      AND c.course_id = v.value ->> 1 AND c.kind = v.value ->> 2 AND c.date = v.value ->> 3)`);
  return row?.n ?? 0;
}

/**
 * Inserts the events the database does not already hold; the rows inserted got consecutive
 * ids (write lock held), and exactly those are logged for undo.
 */
async function insertNewEvents(tx: Tx, events: readonly EventRow[], importId: number) {
  if (events.length === 0) return 0;
  // Known events are filtered out, not ignored on conflict: an ignored row may still use up
  // an id, and the ids of what was inserted must be one consecutive range.
  const result = await tx.run(sql`INSERT INTO completions
      (person_id, course_id, kind, date, source_row, import_id)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, ${importId}
    FROM json_each(${JSON.stringify(events)}) AS v
    WHERE NOT EXISTS (SELECT 1 FROM completions c WHERE c.person_id = v.value ->> 0
      AND c.course_id = v.value ->> 1 AND c.kind = v.value ->> 2 AND c.date = v.value ->> 3)`);
  const inserted = result.rowsAffected;
  const last = Number(result.lastInsertRowid);
  const range = { first: last - inserted + 1, last };
  const logged = await recordInsertedRange(tx, importId, "completions", range);
  if (logged !== inserted) throw new Error("completion ids were not consecutive");
  return inserted;
}

/** A few events (a row HR linked by hand): inserted unless known; effects for those inserted. */
export async function insertEvents(
  tx: Tx,
  events: ReadonlyArray<typeof completions.$inferInsert>,
  importId: number,
): Promise<Effect[]> {
  if (events.length === 0) return [];
  const ids = await tx
    .insert(completions)
    .values([...events])
    .onConflictDoNothing()
    .returning({ id: completions.id });
  return ids.map(({ id }) => ({ importId, entity: "completions", entityId: id, action: "insert" }));
}
