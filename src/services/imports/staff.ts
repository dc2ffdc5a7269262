/**
 * Staff import: a snapshot of everyone employed as of a date. Parsed once; a dry run (the web
 * preview) plans against the current data, a real apply plans once INSIDE its write
 * transaction — so it is never stale — and writes set-based with every write recorded as an
 * effect, so undo is exact.
 */
import { sql } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { fileDateOf } from "../../../imports/file-date";
import { ImportFileError } from "../../../imports/read/types";
import {
  planStaffSnapshot,
  planStaffWrites,
  type StaffPlan,
  type StaffState,
} from "../../../imports/staff-plan";
import type { StaffRows } from "../../../imports/staff-rows";
import { formatSwedishDate } from "../../domain/dates";
import { audit } from "../audit";
import { type ParsedFile, parseStaffFile } from "./parse";
import { createImport, findSameFile, finishImport, latestStaffAsOf } from "./record";
import { applyStaffPlan } from "./staff-apply";
import { loadStaffState } from "./staff-state";
import type { ImportInput, StaffReport } from "./types";

export async function importStaff(
  db: Db,
  input: ImportInput<ParsedFile<StaffRows>> & { asOf: string },
): Promise<StaffReport> {
  const t0 = Date.now();
  const parsed = input.parsed ?? (await parseStaffFile(input.bytes, input.fileName, input.limits));
  const parseMs = Date.now() - t0;
  const report = emptyReport(input, parsed);
  if (input.timings) input.timings.parseMs = parseMs;
  if (report.errors.length > 0) return report;
  if (input.dryRun) {
    await checkOrder(db, input.asOf);
    report.alreadyImportedAs = await findSameFile(db, "staff", parsed.sha256, input.asOf);
    const previous = await latestStaffAsOf(db, input.asOf);
    const state = await loadStaffState(db);
    describePlan(report, planStaffSnapshot(state, parsed.rows.rows, input.asOf, previous), state);
    return report;
  }
  const t1 = Date.now();
  let planned: { plan: StaffPlan; describe: () => void; state: StaffState } | undefined;
  await db.transaction(async (tx) => {
    // A parallel identical confirm (double click, two HR users) waited for the lock: the file
    // is in by now, so this one writes nothing.
    report.alreadyImportedAs = await findSameFile(tx, "staff", parsed.sha256, input.asOf);
    if (report.alreadyImportedAs === null && input.claim && !(await input.claim(tx))) {
      throw new ImportFileError("Förhandsgranskningen finns inte längre. Ladda upp filen igen.");
    }
    await checkOrder(tx, input.asOf);
    const previous = await latestStaffAsOf(tx, input.asOf);
    const state = await loadStaffState(tx);
    planned = { ...planStaffWrites(state, parsed.rows.rows, input.asOf, previous), state };
    if (report.alreadyImportedAs !== null) return;
    report.importId = await writeSnapshot(tx, input, parsed, planned.plan);
  });
  if (input.timings) input.timings.writeMs = Date.now() - t1;
  // The words for HR come after the lock is released, from the state the plan was made on.
  if (planned) {
    planned.describe();
    describePlan(report, planned.plan, planned.state);
  }
  return report;
}

async function writeSnapshot(
  tx: Tx,
  input: ImportInput<ParsedFile<StaffRows>> & { asOf: string },
  parsed: ParsedFile<StaffRows>,
  plan: StaffPlan,
): Promise<number> {
  const importId = await createImport(tx, {
    kind: "staff",
    fileName: input.fileName,
    sha256: parsed.sha256,
    asOf: input.asOf,
    userId: input.userId,
  });
  await applyStaffPlan(tx, plan, importId);
  await assertNoEmploymentEndsBeforeItStarts(tx);
  const counts = { rows: parsed.rows.total, ...plan.counts };
  await finishImport(tx, importId, counts);
  await audit(tx, {
    userId: input.userId,
    action: "import.applied",
    target: `import:${importId}`,
    detail: {
      kind: "staff",
      fileName: input.fileName,
      sha256: parsed.sha256,
      asOf: input.asOf,
      ...plan.counts,
    },
    ip: input.ip ?? null,
  });
  return importId;
}

/** The invariant every import keeps; a violation rolls the whole import back. */
async function assertNoEmploymentEndsBeforeItStarts(tx: Tx): Promise<void> {
  const bad = await tx.all(sql`SELECT id FROM employments WHERE valid_to < valid_from LIMIT 1`);
  if (bad.length > 0) throw new Error("staff import would end an employment before it starts");
}

async function checkOrder(db: Db | Tx, asOf: string): Promise<void> {
  const later = await latestStaffAsOf(db);
  if (later && later > asOf) {
    throw new ImportFileError(
      `Det finns redan en personalimport per ${formatSwedishDate(later)} (${later}). En ögonblicksbild per ${asOf} kan inte läggas in före den utan att skriva om historiken; ångra den senare importen först eller välj ett datum från ${later}.`,
    );
  }
}

function emptyReport(
  input: ImportInput<ParsedFile<StaffRows>> & { asOf: string },
  parsed: ParsedFile<StaffRows>,
): StaffReport {
  return {
    kind: "staff",
    asOf: input.asOf,
    rows: parsed.rows.total,
    created: 0,
    updated: 0,
    unchanged: 0,
    left: 0,
    posts: { opened: 0, closed: 0 },
    errors: parsed.rows.errors,
    dryRun: input.dryRun,
    importId: null,
    alreadyImportedAs: null,
    format: parsed.format,
    fileName: input.fileName,
    newUnits: [],
    renamedUnits: [],
    who: { created: [], updated: [], left: [], posts: [] },
    changes: [],
    fileDate: fileDateOf(parsed.rows.titleDate ?? null, input.fileName),
    currentBefore: 0,
    warning: null,
  };
}

function describePlan(
  report: StaffReport,
  plan: StaffPlan,
  state: { open: ReadonlyArray<{ personId: number }> },
): void {
  Object.assign(report, plan.counts);
  report.posts = plan.posts;
  report.newUnits = plan.newUnits.map((u) => u.name);
  report.renamedUnits = plan.unitRenames.map((u) => `${u.before} → ${u.name}`);
  report.who = plan.who;
  report.changes = plan.changes;
  report.currentBefore = new Set(state.open.map((e) => e.personId)).size;
  report.warning = leaverWarning(report.left, report.currentBefore);
}

/** A partial list (one unit's staff) would end everyone else's employment: say so loudly. */
export function leaverWarning(left: number, currentBefore: number): string | null {
  if (currentBefore < 20 || left / currentBefore < 0.2) return null;
  return `Varning: ${left} av ${currentBefore} anställda finns inte i filen och får sin anställning avslutad dagen före. Är det verkligen en fullständig personalförteckning?`;
}
