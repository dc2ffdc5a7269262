/**
 * Who runs an import: in place (Workers, tests, the CLI) or, on the Node server, a worker
 * thread with its own database connection (node-runner.ts), so reading, planning and writing
 * a 48 000-row file never blocks other users' requests. Same service, same report either way.
 */

import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { pendingUploads } from "../../../db/schema";
import type { ReadLimits } from "../../../imports/read/types";
import { importCompletions } from "./completions";
import { importStaff } from "./staff";
import type { CompletionsReport, StaffReport } from "./types";

/** Everything an import needs, as plain data (it may be posted to a worker thread). */
export interface ImportJob {
  kind: "staff" | "completions";
  bytes: Uint8Array;
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

export type ImportRunner = (job: ImportJob) => Promise<StaffReport | CompletionsReport>;

/** Takes (deletes) the saved preview; false when it is gone (used, expired, someone else's). */
export function claimPending(pending: { id: string; userId: number }) {
  return async (tx: Tx): Promise<boolean> => {
    const gone = await tx
      .delete(pendingUploads)
      .where(and(eq(pendingUploads.id, pending.id), eq(pendingUploads.userId, pending.userId)))
      .returning({ id: pendingUploads.id });
    return gone.length === 1;
  };
}

export function runImportJob(db: Db, job: ImportJob): Promise<StaffReport | CompletionsReport> {
  const input = {
    bytes: job.bytes,
    fileName: job.fileName,
    dryRun: job.dryRun,
    userId: job.userId,
    ip: job.ip,
    ...(job.limits ? { limits: job.limits } : {}),
    ...(job.pending ? { claim: claimPending(job.pending) } : {}),
  };
  return job.kind === "staff"
    ? importStaff(db, { ...input, asOf: job.asOf })
    : importCompletions(db, input);
}

/** The in-place runner: Workers (one request, one isolate) and tests. */
export const inPlaceRunner =
  (db: Db): ImportRunner =>
  (job) =>
    runImportJob(db, job);
