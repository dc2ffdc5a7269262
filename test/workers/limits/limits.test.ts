/**
 * Workers limits, measured where they apply: our code bundled by wrangler itself and run in
 * plain workerd (Miniflare). CPU time and resident memory are read from the workerd process
 * (/proc), so the budgets hold on a busy machine; parse memory of the largest accepted file
 * is measured in a child Node with a capped heap (same V8; workerd has no heap API).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CURRENT_PARAMS, hashPassword, scryptMemoryBytes } from "../../../src/auth/password";
import { WORKERS_READ_LIMITS, WORKERS_UPLOAD_LIMIT_BYTES } from "../../../src/workers-limits";
import { BUDGETS, CLOUDFLARE_LIMITS, LARGEST_ROWS_ON_WORKERS } from "./budgets";
import { parseMemoryInNode } from "./node-memory";
import { staffCsv, staffXlsx } from "./staff-file";
import { runInWorkerd, type WorkerdRun } from "./workerd-probe";
import { concurrentVerifyRssGrowth, cpuMs, workerdPids } from "./workerd-process";

const PROBE = "test/workers/limits/probe-worker.ts";

describe("Workers limits, measured in workerd", () => {
  let dir: string;
  let probe: WorkerdRun;
  let pid: number;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "genomford-limits-"));
    const before = new Set(workerdPids());
    probe = await runInWorkerd(PROBE);
    pid = workerdPids().find((p) => !before.has(p))!;
  });
  afterAll(async () => {
    await probe?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Least CPU time of `runs` calls: the best estimate of the cost itself. */
  async function cpuOf(runs: number, call: () => Promise<Response>): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const c0 = cpuMs(pid);
      const res = await call();
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      times.push(cpuMs(pid) - c0);
    }
    return times;
  }

  it("budgets leave margin under Cloudflare's limits", () => {
    expect(pid).toBeGreaterThan(0);
    expect(BUDGETS.loginCpuMs * 20).toBeLessThanOrEqual(CLOUDFLARE_LIMITS.cpuMsPerRequest);
    expect(BUDGETS.concurrentLoginsBytes).toBeLessThan(CLOUDFLARE_LIMITS.memoryBytes * 0.7);
    expect(BUDGETS.largestParsePeakBytes * 2).toBeLessThanOrEqual(CLOUDFLARE_LIMITS.memoryBytes);
    expect(BUDGETS.largestParseMs * 3).toBeLessThanOrEqual(CLOUDFLARE_LIMITS.cpuMsPerRequest);
  });

  it("a password verification (scrypt in JS) costs real CPU time, within the login budget", async () => {
    const hash = await hashPassword("pw", CURRENT_PARAMS);
    const times = await cpuOf(3, () => probe.fetch("/verify", { method: "POST", body: hash }));
    console.log(`workerd scrypt verify N=2^14 r=8 p=6, CPU ms: ${times.join(", ")}`);
    expect(Math.min(...times)).toBeGreaterThan(100); // it did real work…
    expect(Math.min(...times)).toBeLessThan(BUDGETS.loginCpuMs); // …within budget
  });

  it("four logins at once stay within the memory budget (fresh isolate)", async () => {
    const growth = await concurrentVerifyRssGrowth(await hashPassword("pw", CURRENT_PARAMS), 4);
    console.log(`workerd: 4 concurrent logins raised RSS by ${(growth / 2 ** 20).toFixed(1)} MiB`);
    expect(growth).toBeGreaterThan(2 * scryptMemoryBytes(CURRENT_PARAMS)); // they ran at once…
    expect(growth).toBeLessThan(BUDGETS.concurrentLoginsBytes); // …within budget
  });

  it.each([
    ["xlsx", staffXlsx],
    ["csv", staffCsv],
  ] as const)("parses a small %s upload (1000 rows) within budget", async (kind, make) => {
    const bytes = make(1000);
    const res = await probe.fetch("/parse", { method: "POST", body: bytes });
    const first = (await res.json()) as { rows: number; bytes: number };
    expect(first.bytes).toBe(bytes.length);
    expect(first.rows).toBe(kind === "xlsx" ? 1002 : 1001); // title row, header, rows
    const times = await cpuOf(2, () => probe.fetch("/parse", { method: "POST", body: bytes }));
    console.log(`workerd parse 1000 rows ${kind}, CPU ms: ${times.join(", ")}`);
    expect(Math.min(...times)).toBeLessThan(BUDGETS.smallParseCpuMs);
  });

  it("the largest file under the caps parses within half of the isolate's memory", () => {
    // 10 cells per row: exactly the cell cap, just under the row cap.
    const rows = WORKERS_READ_LIMITS.preParseMaxCells! / 10 - 2;
    expect(rows + 2).toBeLessThanOrEqual(WORKERS_READ_LIMITS.maxRows!);
    expect(rows).toBeGreaterThanOrEqual(LARGEST_ROWS_ON_WORKERS - 2);
    // This shape is ~1.6 MB, a bit over the byte limit; files with shorter cells reach the
    // cell cap within 1.5 MB, and parse in less memory than this one.
    const xlsx = staffXlsx(rows, { comment: true });
    expect(xlsx.length).toBeLessThan(WORKERS_UPLOAD_LIMIT_BYTES * 1.2);
    const file = join(dir, "largest.xlsx");
    writeFileSync(file, xlsx);
    const capMb = BUDGETS.largestParsePeakBytes / 1024 / 1024;
    const mem = parseMemoryInNode(file, capMb);
    expect(mem, `ran out of memory under a ${capMb} MB heap`).not.toBeNull();
    console.log(`parse ${rows} rows × 10 columns xlsx: ${JSON.stringify(mem)}`);
    expect(mem!.rows).toBe(rows + 2);
    expect(mem!.liveBytes).toBeLessThan(BUDGETS.largestParsePeakBytes);
    expect(mem!.ms).toBeLessThan(BUDGETS.largestParseMs);
  });
});
