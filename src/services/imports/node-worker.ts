/**
 * Node only: the worker thread behind node-runner.ts. Loads, then waits for its one job;
 * opens its own connection to the same database (WAL: the server keeps reading meanwhile),
 * runs the job and posts the report back — or the Swedish message of a file error.
 */
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { finishBulkWrites, openNodeDb, tuneForBulkWrites } from "../../../db/node";
import { ImportFileError } from "../../../imports/read/types";
import { useNodeRuntime } from "../../node-runtime";
import { type ImportJob, runImportJob } from "./runner";

export type WorkerReply =
  | { ok: true; report: Awaited<ReturnType<typeof runImportJob>> }
  | { ok: false; fileError: string | null; message: string };

const { url, authToken } = workerData as { url: string; authToken?: string };

/**
 * A preview (reading, validating, planning; no write lock) yields the CPU to the thread that
 * answers requests: on a busy 2-core server /healthz and other users' pages come first. Only
 * on Linux, where the nice value belongs to the thread (elsewhere it would slow the whole
 * server); an apply keeps normal priority so it holds the write lock as briefly as it can.
 */
function yieldCpuForPreview(job: ImportJob): void {
  if (process.platform !== "linux" || !job.dryRun) return;
  try {
    setPriority(10);
  } catch {
    // Not allowed here (a container's policy): the preview simply runs at normal priority.
  }
}

async function run(job: ImportJob): Promise<WorkerReply> {
  yieldCpuForPreview(job);
  // This job's own single connection (the server's pool is not shared with the thread).
  const db = openNodeDb(url, authToken, { batch: true });
  try {
    await db.$client.execute("PRAGMA foreign_keys = ON");
    await tuneForBulkWrites(db);
    return { ok: true, report: await runImportJob(db, job) };
  } catch (err) {
    return {
      ok: false,
      fileError: err instanceof ImportFileError ? err.message : null,
      message: err instanceof Error ? (err.stack ?? err.message) : String(err),
    };
  } finally {
    await finishBulkWrites(db);
  }
}

useNodeRuntime();
parentPort?.once("message", (job: ImportJob) => {
  void run(job).then((reply) => parentPort?.postMessage(reply));
});
