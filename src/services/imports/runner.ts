/**
 * Who runs an import: in place (Workers, tests, the CLI) or, on the Node server, a worker
 * thread with its own database connection (node-runner.ts), so reading, planning and writing
 * a 48 000-row file never blocks other users' requests. Same service, same report either way.
 */

import { and, eq } from "drizzle-orm";
import { type Db, isEmbeddedFile, type Tx } from "../../../db/client";
import { pendingUploads } from "../../../db/schema";
import type { CompletionRows } from "../../../imports/completion-rows";
import { ImportFileError, type ReadLimits } from "../../../imports/read/types";
import type { StaffRows } from "../../../imports/staff-rows";
import { loadCourseTitleIndex } from "../courses";
import { truncateWriteAheadLog, zeroDeletedContent } from "../privacy/secure-delete";
import { importCompletions } from "./completions";
import { type ParsedFile, type ParsedUpload, parseCompletionFile, parseStaffFile } from "./parse";
import { newPendingUpload, pendingContent, savePendingUpload } from "./pending";
import { importStaff } from "./staff";
import type { CompletionsReport, StaffReport } from "./types";

/** Everything an import needs, as plain data (it may be posted to a worker thread). */
export interface ImportJob {
  kind: "staff" | "completions";
  /** The file; empty when `parsed` is given (a confirm applies the preview's kept rows). */
  bytes: Uint8Array;
  /**
   * Rows parsed earlier (the saved preview): the file itself is not kept between requests.
   * As JSON text when it comes from the database, parsed here, where the import runs.
   */
  parsed?: ParsedUpload | string;
  /** Return the parsed rows with the report. */
  keepParsed?: boolean;
  /**
   * A web preview: save the parsed rows for the confirm (pending.ts) where the import runs —
   * on the Node server in the worker thread, so the rows never pass the request thread.
   */
  savePreview?: { userId: number; now: string };
  fileName: string;
  /** Staff only: the snapshot date. */
  asOf: string;
  dryRun: boolean;
  userId: number | null;
  ip: string | null;
  limits?: ReadLimits;
  /** The saved preview this confirm applies: taken inside the write transaction. */
  pending?: { id: string; userId: number };
}

export type ImportResult = (StaffReport | CompletionsReport) & {
  parsed?: ParsedUpload;
  /** The saved preview (savePreview), when the file can be applied. */
  pendingId?: string;
};
export type ImportRunner = (job: ImportJob) => Promise<ImportResult>;

/**
 * Takes (deletes) the saved preview inside the apply's transaction, its bytes zeroed on the
 * embedded database: gone when the apply commits, still there for a retry when it fails.
 * False when it is gone (used, expired, someone else's).
 */
export function claimPending(pending: { id: string; userId: number }, embedded = false) {
  return async (tx: Tx): Promise<boolean> => {
    await zeroDeletedContent(tx, embedded);
    const gone = await tx
      .delete(pendingUploads)
      .where(and(eq(pendingUploads.id, pending.id), eq(pendingUploads.userId, pending.userId)))
      .returning({ id: pendingUploads.id });
    return gone.length === 1;
  };
}

export async function runImportJob(db: Db, job: ImportJob): Promise<ImportResult> {
  const parsed = await parsedRows(db, job);
  const input = {
    bytes: job.bytes,
    fileName: job.fileName,
    dryRun: job.dryRun,
    userId: job.userId,
    ip: job.ip,
    ...(job.limits ? { limits: job.limits } : {}),
    ...(job.pending ? { claim: claimPending(job.pending, isEmbeddedFile(db)) } : {}),
  };
  const report =
    job.kind === "staff"
      ? await importStaff(db, {
          ...input,
          ...(parsed ? { parsed: parsed as ParsedFile<StaffRows> } : {}),
          asOf: job.asOf,
        })
      : await importCompletions(db, {
          ...input,
          ...(parsed ? { parsed: parsed as ParsedFile<CompletionRows> } : {}),
        });
  // The claimed preview's old page versions must not linger in the write-ahead log either.
  if (job.pending && report.importId !== null) await truncateWriteAheadLog(db);
  if (
    job.savePreview &&
    parsed &&
    report.errors.length === 0 &&
    report.alreadyImportedAs === null
  ) {
    const asOf = job.kind === "staff" ? job.asOf : null;
    const pendingId = await savePendingUpload(
      db,
      job.savePreview.userId,
      newPendingUpload(job.kind, report.fileName, asOf, parsed),
      new Date(job.savePreview.now),
    );
    return { ...report, pendingId };
  }
  return job.keepParsed && parsed ? { ...report, parsed } : report;
}

/** Rows given, rows of the saved preview this confirm applies, or the file parsed now. */
async function parsedRows(db: Db, job: ImportJob): Promise<ParsedUpload | undefined> {
  if (typeof job.parsed === "string") return savedPreview(job.parsed);
  if (job.parsed) return job.parsed;
  if (job.pending && job.bytes.length === 0) {
    const content = await pendingContent(db, job.pending);
    if (content === null) {
      throw new ImportFileError("Förhandsgranskningen finns inte längre. Ladda upp filen igen.");
    }
    return savedPreview(content);
  }
  return job.keepParsed || job.savePreview ? parseJob(db, job) : undefined;
}

/** The saved preview's rows; one saved by an older version (the file itself) is no use. */
function savedPreview(json: string): ParsedUpload {
  try {
    return JSON.parse(json) as ParsedUpload;
  } catch {
    throw new ImportFileError("Förhandsgranskningen finns inte längre. Ladda upp filen igen.");
  }
}

async function parseJob(db: Db, job: ImportJob): Promise<ParsedUpload> {
  return job.kind === "staff"
    ? parseStaffFile(job.bytes, job.fileName, job.limits)
    : parseCompletionFile(job.bytes, job.fileName, await loadCourseTitleIndex(db), job.limits);
}

/** The in-place runner: Workers (one request, one isolate) and tests. */
export const inPlaceRunner =
  (db: Db): ImportRunner =>
  (job) =>
    runImportJob(db, job);
