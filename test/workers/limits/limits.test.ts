/**
 * Workers limits, measured where they apply: our code bundled like wrangler does and run in
 * plain workerd (Miniflare), memory in a child Node with a capped heap (same V8). Timings
 * are wall time on this machine, an upper bound of CPU time for this single-threaded work;
 * production CPUs differ, hence the wide margins in budgets.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDb } from "../../../db/migrate";
import { openNodeDb } from "../../../db/node";
import { DEMO_PASSWORD, seedDemoData } from "../../../db/seed";
import { WORKERS_UPLOAD_LIMIT_BYTES } from "../../../src/workers-limits";
import { type HranaServer, startHranaServer } from "../fixtures/hrana-server";
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
    const res = await probe.fetch("/scrypt");
    const { hashMs, verifyMs, ok } = (await res.json()) as Record<string, number | boolean>;
    console.log(`workerd scrypt N=2^15 r=8 p=3: hash ${hashMs} ms, verify ${verifyMs} ms`);
    expect(ok).toBe(true);
    expect(verifyMs).toBeGreaterThan(0); // it did real work…
    expect(verifyMs).toBeLessThan(BUDGETS.loginMs); // …within budget
  });

  it.each([
    ["xlsx", staffXlsx],
    ["csv", staffCsv],
  ] as const)(
    "parses a small %s upload (1000 rows) with SheetJS within budget",
    async (_kind, make) => {
      const bytes = make(1000);
      const res = await probe.fetch("/parse", { method: "POST", body: bytes });
      const out = (await res.json()) as { ms: number; rows: number; bytes: number };
      console.log(`workerd parse 1000 rows ${_kind}: ${out.ms} ms (${out.bytes} bytes)`);
      expect(out.bytes).toBe(bytes.length);
      expect(out.rows).toBeGreaterThanOrEqual(1001);
      expect(out.ms).toBeLessThan(BUDGETS.smallParseMs);
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

describe("the production Worker bundle in workerd, over HTTP to libSQL", () => {
  let dir: string;
  let server: HranaServer;
  let worker: WorkerdRun;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "genomford-limits-db-"));
    const path = join(dir, "remote.db");
    const db = openNodeDb(`file:${path}`);
    await migrateDb(db);
    await seedDemoData(db, { today: "2026-11-25", size: 60 });
    db.$client.close();
    server = await startHranaServer({ path });
    worker = await runInWorkerd("src/worker.ts", { DATABASE_URL: server.url });
  });
  afterAll(async () => {
    await worker?.dispose();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("logs in within the login budget, end to end", async () => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = server.stats.statements;
      const t0 = performance.now();
      const res = await worker.fetch("/login", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: "hr@demo.se", password: DEMO_PASSWORD }).toString(),
      });
      times.push(performance.now() - t0);
      expect(res.status).toBe(303);
      expect(server.stats.statements).toBeGreaterThan(before); // went over HTTP
    }
    const median = [...times].sort((a, b) => a - b)[1]!;
    console.log(`workerd login (production bundle): ${times.map(Math.round).join(", ")} ms`);
    expect(median).toBeLessThan(BUDGETS.loginMs);
  });
});
