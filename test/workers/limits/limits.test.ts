/**
 * Workers limits, measured where they apply: our code bundled by wrangler itself and run in
 * plain workerd (Miniflare), memory in a child Node with a capped heap (same V8). Timings
 * are wall time on this machine, an upper bound of CPU time for this single-threaded work;
 * production CPUs differ, hence the wide margins in budgets.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WORKERS_UPLOAD_LIMIT_BYTES } from "../../../src/workers-limits";
import { BUDGETS, CLOUDFLARE_LIMITS, LARGEST_ROWS_ON_WORKERS } from "./budgets";
import { parseMemoryInNode } from "./node-memory";
import { staffCsv, staffXlsx } from "./staff-file";
import { runInWorkerd, type WorkerdRun } from "./workerd-probe";

const PROBE = "test/workers/limits/probe-worker.ts";

describe("Workers limits, measured in workerd", () => {
  let dir: string;
  let probe: WorkerdRun;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "genomford-limits-"));
    probe = await runInWorkerd(PROBE);
  });
  afterAll(async () => {
    await probe?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("budgets leave margin under Cloudflare's limits", () => {
    expect(BUDGETS.loginMs * 10).toBeLessThanOrEqual(CLOUDFLARE_LIMITS.cpuMsPerRequest);
    expect(BUDGETS.largestParsePeakBytes * 2).toBeLessThanOrEqual(CLOUDFLARE_LIMITS.memoryBytes);
    expect(BUDGETS.largestParseMs * 3).toBeLessThanOrEqual(CLOUDFLARE_LIMITS.cpuMsPerRequest);
  });

  it("hashes and verifies a password (scrypt in JS) within the login budget", async () => {
    const runs: Array<{ hashMs: number; verifyMs: number; ok: boolean }> = [];
    for (let i = 0; i < 2; i++) runs.push(await (await probe.fetch("/scrypt")).json());
    console.log(`workerd scrypt N=2^15 r=8 p=3: ${JSON.stringify(runs)}`);
    expect(runs.every((r) => r.ok)).toBe(true);
    const verifyMs = Math.min(...runs.map((r) => r.verifyMs));
    expect(verifyMs).toBeGreaterThan(50); // it did real work…
    expect(verifyMs).toBeLessThan(BUDGETS.loginMs); // …within budget
  });

  it.each([
    ["xlsx", staffXlsx],
    ["csv", staffCsv],
  ] as const)(
    "parses a small %s upload (1000 rows) with SheetJS within budget",
    async (_kind, make) => {
      const bytes = make(1000);
      const runs: Array<{ ms: number; rows: number; bytes: number }> = [];
      for (let i = 0; i < 2; i++) {
        runs.push(await (await probe.fetch("/parse", { method: "POST", body: bytes })).json());
      }
      console.log(`workerd parse 1000 rows ${_kind}: ${JSON.stringify(runs)}`);
      expect(runs[0]!.bytes).toBe(bytes.length);
      expect(runs[0]!.rows).toBe(_kind === "xlsx" ? 1002 : 1001); // title row, header, rows
      // The fastest run is the best estimate of CPU cost on a shared machine.
      expect(Math.min(...runs.map((r) => r.ms))).toBeLessThan(BUDGETS.smallParseMs);
    },
  );

  it("the largest accepted upload parses within half of the isolate's memory", () => {
    const xlsx = staffXlsx(LARGEST_ROWS_ON_WORKERS);
    expect(xlsx.length).toBeLessThanOrEqual(WORKERS_UPLOAD_LIMIT_BYTES);
    const file = join(dir, "largest.xlsx");
    writeFileSync(file, xlsx);
    const capMb = BUDGETS.largestParsePeakBytes / 1024 / 1024;
    const mem = parseMemoryInNode(file, capMb);
    expect(mem, `ran out of memory under a ${capMb} MB heap`).not.toBeNull();
    console.log(`parse ${LARGEST_ROWS_ON_WORKERS} rows xlsx: ${JSON.stringify(mem)}`);
    expect(mem!.rows).toBe(LARGEST_ROWS_ON_WORKERS + 2);
    expect(mem!.liveBytes).toBeLessThan(BUDGETS.largestParsePeakBytes);
    expect(mem!.ms).toBeLessThan(BUDGETS.largestParseMs);
  });
});
