/**
 * The import runner when the system refuses a thread (a process limit, memory): the job in
 * hand still gets its answer, and the refusal never escapes as an uncaught exception — which
 * would stop the server.
 */
import { afterEach, describe, expect, it, vi } from "vitest";

const refuse = vi.hoisted(() => ({ threads: false }));

vi.mock("node:worker_threads", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:worker_threads")>();
  class RefusableWorker extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      if (refuse.threads) throw new Error("EAGAIN ERR_WORKER_INIT_FAILED");
      super(...args);
    }
  }
  return { ...real, Worker: RefusableWorker };
});

const { workerThreadRunner } = await import("../../../src/services/imports/node-runner");
const { createTestDb } = await import("../../helpers/db");
const { notASpreadsheetJob } = await import("../../helpers/imports");

const job = notASpreadsheetJob();

afterEach(() => {
  refuse.threads = false;
});

describe("workerThreadRunner when no thread can be started", () => {
  it("starting the runner does not throw; a job then rejects with the system's error", async () => {
    refuse.threads = true;
    const t = await createTestDb();
    const run = workerThreadRunner(t.url);
    await expect(run(job)).rejects.toThrow(/ERR_WORKER_INIT_FAILED/);
    refuse.threads = false;
    // Threads are allowed again: the next job starts its own.
    await expect(run(job)).rejects.toThrow(/Filtypen .pdf stöds inte/);
    await run.close();
    t.cleanup();
  }, 60_000);

  it("a job that finishes while the next waiting thread is refused still gets its answer", async () => {
    const t = await createTestDb();
    const run = workerThreadRunner(t.url);
    const answer = run(job);
    refuse.threads = true;
    await expect(answer).rejects.toThrow(/Filtypen .pdf stöds inte/);
    await run.close();
    t.cleanup();
  }, 60_000);
});
