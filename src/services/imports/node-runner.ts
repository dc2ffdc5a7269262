/**
 * Node only (injected by src/server.ts, like the scrypt wiring): runs each import job in a
 * worker thread of its own with its own libSQL connection, so parsing, planning and the set-based
 * writes never block the event loop — /healthz and other users' pages keep answering while
 * HR previews or confirms a city-size file. Bundled (npm start) the worker is
 * dist/node/import-worker.mjs; from source (npm run dev, tests) node-worker.ts through tsx.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { ImportFileError } from "../../../imports/read/types";
import type { WorkerReply } from "./node-worker";
import type { ImportJob, ImportResult, ImportRunner } from "./runner";

/** Set by src/launch.mjs when the server runs from the bundle. */
declare global {
  var __genomfordBundleDir: string | undefined;
}

/** The bundled worker, or (from source) a small bootstrap that registers tsx first. */
function workerScript(): { script: string | URL; eval: boolean } {
  const bundleDir = globalThis.__genomfordBundleDir;
  if (bundleDir) return { script: pathToFileURL(`${bundleDir}/import-worker.mjs`), eval: false };
  // tsx's ESM API sits next to the CommonJS file that require.resolve finds.
  const tsxCjs = createRequire(import.meta.url).resolve("tsx/esm/api");
  const tsx = pathToFileURL(tsxCjs.replace(/\.cjs$/, ".mjs")).href;
  const source = new URL("./node-worker.ts", import.meta.url).href;
  return {
    script: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source)}); });`,
    eval: true,
  };
}

/** A worker-thread runner, and a way to stop the worker it keeps ready (shutdown, tests). */
export type WorkerThreadRunner = ImportRunner & { close(): Promise<void> };

/**
 * A runner for a database the worker can open itself (a file or a libSQL server). Each job
 * gets a thread of its own, which ends with the job (its memory, a 48 000-row file's too, goes
 * with it), but the thread is started before the job comes: one is kept loaded and waiting, so
 * HR's upload does not wait for a thread to start and load the import code (≈0.15–0.25 s of a
 * 1 000-row preview's ≈0.5 s). The next one starts when a job has finished, not during it.
 */
export function workerThreadRunner(url: string, authToken?: string): WorkerThreadRunner {
  let spare: Worker | undefined;
  let closed = false;
  /** Threads that failed or ended while waiting: never handed a job. */
  const dead = new WeakSet<Worker>();
  const start = (): Worker => {
    const { script, eval: isEval } = workerScript();
    const worker = new Worker(script, { eval: isEval, workerData: { url, authToken } });
    // Waiting, it must not keep the process alive.
    worker.unref();
    worker.on("error", () => dead.add(worker));
    worker.once("exit", () => {
      dead.add(worker);
      if (spare === worker) spare = undefined;
    });
    return worker;
  };
  /**
   * Starts the next waiting thread. The system may refuse a thread (a process limit): then
   * nothing waits, and the next job starts its own and meets that error itself — it must
   * never escape here, in an event listener, where it would stop the server.
   */
  const refill = () => {
    if (closed || spare) return;
    try {
      spare = start();
    } catch {
      spare = undefined;
    }
  };
  refill();
  const run = (job: ImportJob) =>
    new Promise<ImportResult>((resolve, reject) => {
      const waiting = spare;
      spare = undefined;
      // A thread that died waiting (a broken bundle) is passed over: a new one reports why.
      const worker = waiting && !dead.has(waiting) ? waiting : start();
      worker.ref();
      worker.once("message", (reply: WorkerReply) => {
        if (reply.ok) resolve(reply.report);
        else if (reply.fileError !== null) reject(new ImportFileError(reply.fileError));
        else reject(new Error(`import worker: ${reply.message}`));
      });
      worker.once("error", reject);
      // Every job's thread ends, answered or not (a promise settles once: after an answer
      // this reject does nothing); then the next one is started.
      worker.once("exit", (code) => {
        reject(new Error(`import worker stopped (exit ${code})`));
        refill();
      });
      // The job (with the file's bytes) is copied to the worker once; nothing is shared.
      try {
        worker.postMessage(job);
      } catch (err) {
        void worker.terminate();
        throw err;
      }
    });
  return Object.assign(run, {
    /** Ends the waiting thread; jobs after this still run, each starting its own. */
    async close() {
      closed = true;
      const waiting = spare;
      spare = undefined;
      await waiting?.terminate();
    },
  });
}
