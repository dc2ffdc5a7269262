/**
 * Node only (injected by src/server.ts, like the scrypt wiring): runs each import job in a
 * worker thread with its own libSQL connection, so parsing, planning and the set-based
 * writes never block the event loop — /healthz and other users' pages keep answering while
 * HR previews or confirms a city-size file. Bundled (npm start) the worker is
 * dist/node/import-worker.mjs; from source (npm run dev, tests) node-worker.ts through tsx.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { ImportFileError } from "../../../imports/read/types";
import type { WorkerReply } from "./node-worker";
import type { ImportRunner } from "./runner";

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

/** A runner for a database the worker can open itself (a file or a libSQL server). */
export function workerThreadRunner(url: string, authToken?: string): ImportRunner {
  return (job) =>
    new Promise((resolve, reject) => {
      const { script, eval: isEval } = workerScript();
      // The job (with the file's bytes) is copied to the worker once; nothing is shared.
      const worker = new Worker(script, { eval: isEval, workerData: { url, authToken, job } });
      let settled = false;
      worker.once("message", (reply: WorkerReply) => {
        settled = true;
        if (reply.ok) resolve(reply.report);
        else if (reply.fileError !== null) reject(new ImportFileError(reply.fileError));
        else reject(new Error(`import worker: ${reply.message}`));
      });
      worker.once("error", (err) => {
        settled = true;
        reject(err);
      });
      worker.once("exit", (code) => {
        if (!settled) reject(new Error(`import worker stopped (exit ${code})`));
      });
    });
}
