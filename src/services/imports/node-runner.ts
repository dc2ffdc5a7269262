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
  const start = (): Worker => {
    const { script, eval: isEval } = workerScript();
    const worker = new Worker(script, { eval: isEval, workerData: { url, authToken } });
    // Waiting, it must not keep the process alive; if it dies waiting (a broken bundle), the
    // next job starts a new one and meets the error itself.
    worker.unref();
    worker.on("error", () => {});
    worker.once("exit", () => {
      if (spare === worker) spare = undefined;
    });
    return worker;
  };
  spare = start();
  const run = (job: ImportJob) =>
    new Promise<ImportResult>((resolve, reject) => {
      const worker = spare ?? start();
      spare = undefined;
      worker.ref();
      let settled = false;
      const settle = () => {
        settled = true;
        if (!closed) spare ??= start();
      };
      worker.once("message", (reply: WorkerReply) => {
        settle();
        if (reply.ok) resolve(reply.report);
        else if (reply.fileError !== null) reject(new ImportFileError(reply.fileError));
        else reject(new Error(`import worker: ${reply.message}`));
      });
      worker.once("error", (err) => {
        settle();
        reject(err);
      });
      worker.once("exit", (code) => {
        if (!settled) reject(new Error(`import worker stopped (exit ${code})`));
      });
      // The job (with the file's bytes) is copied to the worker once; nothing is shared.
      worker.postMessage(job);
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
