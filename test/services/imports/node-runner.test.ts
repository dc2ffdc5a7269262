/** The Node server's import runner: a worker thread, so the event loop keeps answering. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { STAFF_HEADER, staffRows } from "../../../bench/city-files";
import { users } from "../../../db/schema";
import { ImportFileError } from "../../../imports/read/types";
import {
  type WorkerThreadRunner,
  workerThreadRunner,
} from "../../../src/services/imports/node-runner";
import { parseStaffFile } from "../../../src/services/imports/parse";
import { savePendingUpload } from "../../../src/services/imports/pending";
import type { StaffReport } from "../../../src/services/imports/types";
import { createTestDb, type TestDb } from "../../helpers/db";
import { expectNoEmploymentsEndingBeforeStart } from "../../helpers/import-invariants";
import { count, notASpreadsheetJob } from "../../helpers/imports";

let t: TestDb;
let runners: WorkerThreadRunner[] = [];
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await Promise.all(runners.map((r) => r.close()));
  runners = [];
  await expectNoEmploymentsEndingBeforeStart(t.db);
  t.cleanup();
});

/** A runner for the test database, closed after the test (its waiting thread ended). */
function runner(): WorkerThreadRunner {
  const run = workerThreadRunner(t.url);
  runners.push(run);
  return run;
}

function staffFile(n: number): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([STAFF_HEADER, ...staffRows(n, 40)]),
    "P",
  );
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }));
}

/** Longest gap between ticks of a 10 ms timer while `work` runs: how long the loop froze. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  try {
    const value = await work();
    return { value, stallMs };
  } finally {
    clearInterval(timer);
  }
}

describe("workerThreadRunner", () => {
  it("previews and confirms in a worker thread; the event loop never stalls for long", async () => {
    const run = runner();
    const bytes = staffFile(4000);
    const job = {
      kind: "staff" as const,
      bytes,
      fileName: "personal.xlsx",
      asOf: "2025-12-31",
      userId: null,
      ip: null,
    };
    const preview = (await run({ ...job, dryRun: true })) as StaffReport;
    expect(preview).toMatchObject({ created: 4000, importId: null });
    expect(await count(t.db, "people")).toBe(0);
    const { value, stallMs } = await longestStall(() => run({ ...job, dryRun: false }));
    expect(value).toMatchObject({ created: 4000, importId: expect.any(Number) });
    expect(await count(t.db, "people")).toBe(4000);
    // In the request itself, parsing alone would block for the whole import.
    expect(stallMs).toBeLessThan(500);
  }, 120_000);

  it("a file error comes back as ImportFileError with its Swedish message", async () => {
    const run = runner();
    const bad = run(notASpreadsheetJob());
    await expect(bad).rejects.toThrow(ImportFileError);
    await expect(bad).rejects.toThrow(/Filtypen .pdf stöds inte/);
  }, 60_000);

  it("two identical confirms in parallel apply once; the saved preview is taken by the one that applies", async () => {
    const run = runner();
    const [user] = await t.db
      .insert(users)
      .values({ email: "hr@x.se", name: "HR", role: "hr" })
      .returning({ id: users.id });
    const bytes = staffFile(300);
    const pendingId = await savePendingUpload(
      t.db,
      user!.id,
      {
        kind: "staff",
        fileName: "p.xlsx",
        asOf: "2025-12-31",
        parsed: await parseStaffFile(bytes, "p.xlsx"),
      },
      new Date(),
    );
    const job = {
      kind: "staff" as const,
      bytes,
      fileName: "p.xlsx",
      asOf: "2025-12-31",
      dryRun: false,
      userId: user!.id,
      ip: null,
      pending: { id: pendingId, userId: user!.id },
    };
    const [a, b] = await Promise.all([run(job), run(job)]);
    const applied = [a, b].filter((r) => r.importId !== null);
    expect(applied).toHaveLength(1);
    expect([a, b].find((r) => r.importId === null)?.alreadyImportedAs).toBe(applied[0]!.importId);
    expect(await count(t.db, "imports")).toBe(1);
    expect(await count(t.db, "people")).toBe(300);
    expect(await count(t.db, "pending_uploads")).toBe(0);
  }, 120_000);

  it("close() ends the thread kept waiting; a job after it starts one of its own", async () => {
    const run = runner();
    await run.close();
    const report = await run({
      kind: "staff",
      bytes: staffFile(20),
      fileName: "p.xlsx",
      asOf: "2025-12-31",
      dryRun: true,
      userId: null,
      ip: null,
    });
    expect(report).toMatchObject({ created: 20, importId: null });
  }, 60_000);
});
