/**
 * Completion exports and attendance lists: dated events per matched row (INSERT OR IGNORE, so
 * a cumulative export repeating rows adds nothing); rows matching no person go to the queue.
 */
import { inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { completions, people, personLinks, unmatched } from "../../../db/schema";
import type { CompletionRow, CompletionRows } from "../../../imports/completion-rows";
import { personMatcher } from "../../../imports/person-matcher";
import { audit } from "../audit";
import { loadCourseTitleIndex } from "../courses";
import { type ParsedFile, parseCompletionFile } from "./parse";
import {
  createImport,
  type Effect,
  findSameFile,
  finishImport,
  inChunks,
  recordEffects,
} from "./record";
import type { CompletionsReport, ImportInput } from "./types";

type Event = typeof completions.$inferInsert;

export const eventKey = (e: { personId: number; courseId: string; kind: string; date: string }) =>
  `${e.personId}|${e.courseId}|${e.kind}|${e.date}`;

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

function unmatchedRow(r: CompletionRow, importId: number) {
  return {
    importId,
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

export async function importCompletions(
  db: Db,
  input: ImportInput<ParsedFile<CompletionRows>>,
): Promise<CompletionsReport> {
  const file =
    input.parsed ??
    (await parseCompletionFile(
      input.bytes,
      input.fileName,
      await loadCourseTitleIndex(db),
      input.limits,
    ));
  const parsed = file.rows;
  const sha256 = file.sha256;
  const report: CompletionsReport = {
    kind: "completions",
    fileKind: parsed.kind,
    rows: parsed.total,
    matched: 0,
    unmatched: 0,
    ignored: parsed.ignored,
    errors: parsed.errors,
    dryRun: input.dryRun,
    importId: null,
    alreadyImportedAs: await findSameFile(db, parsed.kind, sha256, null),
    format: file.format,
    fileName: input.fileName,
    newEvents: 0,
  };
  if (parsed.errors.length > 0) return report;

  const [known, links, existing, queued] = await Promise.all([
    db.select({ id: people.id, employeeNo: people.employeeNo, email: people.email }).from(people),
    db.select({ key: personLinks.key, personId: personLinks.personId }).from(personLinks),
    db.all<{ k: string }>(
      sql`SELECT person_id || '|' || course_id || '|' || kind || '|' || date AS k FROM completions`,
    ),
    db
      .select()
      .from(unmatched)
      .where(inArray(unmatched.status, ["open", "dismissed"])),
  ]);
  const match = personMatcher(known, new Map(links.map((l) => [l.key, l.personId])));
  const have = new Set(existing.map((r) => r.k));
  const alreadyQueued = new Set(queued.map(unmatchedKey));
  const events: Event[] = [];
  const toQueue: CompletionRow[] = [];
  for (const row of parsed.rows) {
    const personId = match(row);
    if (personId === null) {
      report.unmatched++;
      const key = unmatchedKey(unmatchedRow(row, 0));
      if (!alreadyQueued.has(key)) toQueue.push(row);
      alreadyQueued.add(key);
      continue;
    }
    report.matched++;
    for (const e of row.events) {
      const event = {
        personId,
        courseId: row.courseId,
        kind: e.kind,
        date: e.date,
        sourceRow: row.row,
      };
      if (have.has(eventKey(event))) continue;
      have.add(eventKey(event));
      events.push(event);
    }
  }
  report.newEvents = events.length;
  if (input.dryRun || report.alreadyImportedAs !== null) return report;

  report.importId = await db.transaction(async (tx) => {
    const importId = await createImport(tx, {
      kind: parsed.kind,
      fileName: input.fileName,
      sha256,
      asOf: null,
      userId: input.userId,
    });
    const effects = await insertEvents(
      tx,
      events.map((e) => ({ ...e, importId })),
      importId,
    );
    for (const batch of inChunks(toQueue)) {
      const ids = await tx
        .insert(unmatched)
        .values(batch.map((r) => unmatchedRow(r, importId)))
        .returning({ id: unmatched.id });
      for (const { id } of ids)
        effects.push({ importId, entity: "unmatched", entityId: id, action: "insert" });
    }
    await recordEffects(tx, effects);
    const counts = {
      rows: report.rows,
      matched: report.matched,
      unmatched: report.unmatched,
      ignored: report.ignored,
      events: report.newEvents,
    };
    await finishImport(tx, importId, counts);
    await audit(tx, {
      userId: input.userId,
      action: "import.applied",
      target: `import:${importId}`,
      detail: { kind: parsed.kind, fileName: input.fileName, sha256, ...counts },
      ip: input.ip ?? null,
    });
    return importId;
  });
  return report;
}

/** Inserts events that are not there yet; effects only for rows actually inserted. */
export async function insertEvents(
  tx: Tx,
  events: readonly Event[],
  importId: number,
): Promise<Effect[]> {
  const effects: Effect[] = [];
  for (const batch of inChunks(events, 300)) {
    const ids = await tx
      .insert(completions)
      .values(batch)
      .onConflictDoNothing()
      .returning({ id: completions.id });
    for (const { id } of ids)
      effects.push({ importId, entity: "completions", entityId: id, action: "insert" });
  }
  return effects;
}
