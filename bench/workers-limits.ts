/**
 * What a login, an upload and a big import cost on Workers: login CPU time and round trips,
 * and a 10 000-row staff import changing 1 500 people at 20 ms latency (round trips, write
 * transaction time) through the Worker as deployed over a real sqld (bench/workers-import.ts);
 * parse time in plain workerd, memory in a child Node (same V8), and whether the parse fits a
 * heap capped at half of an isolate's 128 MB.
 * Usage: npm run bench:workers [-- --sizes 1000,5000] [--rows 10000 --changed 1500] [--write]
 * --write replaces bench/WORKERS.md with this run's tables (README quotes them).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { useNodeScrypt } from "../src/auth/node-scrypt";
import { CURRENT_PARAMS, hashPassword, scryptMemoryBytes } from "../src/auth/password";
import { BUDGETS, LARGEST_ROWS_ON_WORKERS } from "../test/workers/limits/budgets";
import { parseMemoryInNode } from "../test/workers/limits/node-memory";
import { staffCsv, staffXlsx } from "../test/workers/limits/staff-file";
import { runInWorkerd } from "../test/workers/limits/workerd-probe";
import {
  concurrentVerifyRssGrowth,
  cpuMs,
  workerdPids,
} from "../test/workers/limits/workerd-process";
import { benchImport } from "./workers-import";

useNodeScrypt();

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,5000,10000,20000,50000" },
    rows: { type: "string", default: "10000" },
    changed: { type: "string", default: "1500" },
    latency: { type: "string", default: "20" },
    write: { type: "boolean", default: false },
  },
});
const sizes = values.sizes.split(",").map(Number);
const capMb = BUDGETS.largestParsePeakBytes / 2 ** 20;
const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const importLines = await benchImport({
  rows: Number(values.rows),
  changed: Number(values.changed),
  latencyMs: Number(values.latency),
});
console.log(importLines.join("\n"));

const dir = mkdtempSync(join(tmpdir(), "genomford-bench-workers-"));
const before = new Set(workerdPids());
const probe = await runInWorkerd("test/workers/limits/probe-worker.ts");
const pid = workerdPids().find((p) => !before.has(p))!;
const rows: string[] = [];
try {
  for (const params of [CURRENT_PARAMS, { N: 2 ** 15, r: 8, p: 3 }]) {
    const hash = await hashPassword("pw", params);
    const cpu: number[] = [];
    for (let i = 0; i < 5; i++) {
      const c0 = cpuMs(pid);
      await (await probe.fetch("/verify", { method: "POST", body: hash })).json();
      cpu.push(cpuMs(pid) - c0);
    }
    const four = await concurrentVerifyRssGrowth(hash, 4);
    rows.push(
      `| scrypt verify N=2^${Math.log2(params.N)} r=${params.r} p=${params.p} | ${median(cpu)} ms CPU | ${mb(scryptMemoryBytes(params))}; 4 at once: +${mb(four)} resident | – | ${four < BUDGETS.concurrentLoginsBytes ? "yes" : "no"} |`,
    );
    console.log(rows.at(-1));
  }
  for (const n of sizes) {
    for (const [kind, make] of [
      ["xlsx", staffXlsx],
      ["csv", staffCsv],
    ] as const) {
      const bytes = make(n);
      const file = join(dir, `staff-${n}.${kind}`);
      writeFileSync(file, bytes);
      // CPU time of the workerd process, as for logins: wall time swings with the box's load.
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const c0 = cpuMs(pid);
        await (await probe.fetch("/parse", { method: "POST", body: bytes })).json();
        times.push(cpuMs(pid) - c0);
      }
      const mem = parseMemoryInNode(file);
      const capped = parseMemoryInNode(file, capMb);
      const fits = capped !== null && mem!.liveBytes <= BUDGETS.largestParsePeakBytes;
      rows.push(
        `| parse ${n} staff rows, ${kind} (${mb(bytes.length)}) | ${median(times)} ms CPU | ${mb(mem!.liveBytes)} | ${mb(mem!.retainedBytes)} | ${fits ? "yes" : "no"} |`,
      );
      console.log(rows.at(-1));
    }
  }
} finally {
  await probe.dispose();
  rmSync(dir, { recursive: true, force: true });
}

const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(" / ");
const machine = `${cpus().length} cores (${cpus()[0]?.model ?? "?"}), load average at the end ${load} (1/5/15 min), Node ${process.version}, workerd via Miniflare`;
const table = [
  `| work | CPU time of workerd (median) | memory (live after parse) | retained after GC | fits |`,
  "|---|---|---|---|---|",
  ...rows,
].join("\n");
console.log(`Machine: ${machine}\n\n${table}`);
if (values.write) {
  writeFileSync(
    new URL("./WORKERS.md", import.meta.url),
    `# Workers limits: measured\n\nMachine: ${machine}. Run: \`npm run bench:workers -- --write\` on ${new Date().toISOString().slice(0, 10)}.\n\n${importLines.join("\n")}\n\nLogin and parse times are CPU time of the local workerd process (/proc; steady on a busy machine, unlike wall time; production CPUs differ). Write-transaction and wall times in the import table are wall clock and grow with the machine's load. Memory is measured in a child Node process (same V8 engine) because workerd exposes no heap statistics; "live" is heap + external + array buffers right after the parse, garbage included; "fits" means the parse also completed in a child whose heap was capped at --max-old-space-size=${capMb} and live stayed under ${capMb} MB, half of Workers' 128 MB per isolate. The importer's own row objects, the request body and the app need the other half, which is why Workers accept at most ${LARGEST_ROWS_ON_WORKERS} rows (1.5 MB, src/workers-limits.ts).\n\n${table}\n`,
  );
  // No formatter run: biome.json leaves bench/WORKERS.md alone (it refused to format it).
}
