/**
 * What an upload and a login cost on Workers: parse time in plain workerd (our bundle via
 * Miniflare), memory in a child Node (same V8), and whether the parse fits a heap capped at
 * half of an isolate's 128 MB. Usage: npm run bench:workers [-- --sizes 1000,5000] [--write]
 * --write replaces bench/WORKERS.md with this run's table (README quotes it).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { BUDGETS, LARGEST_ROWS_ON_WORKERS } from "../test/workers/limits/budgets";
import { parseMemoryInNode } from "../test/workers/limits/node-memory";
import { staffCsv, staffXlsx } from "../test/workers/limits/staff-file";
import { runInWorkerd } from "../test/workers/limits/workerd-probe";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,5000,10000,20000,50000" },
    write: { type: "boolean", default: false },
  },
});
const sizes = values.sizes.split(",").map(Number);
const capMb = BUDGETS.largestParsePeakBytes / 2 ** 20;
const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = mkdtempSync(join(tmpdir(), "genomford-bench-workers-"));
const probe = await runInWorkerd("test/workers/limits/probe-worker.ts");
const rows: string[] = [];
try {
  const scrypt: Array<{ hashMs: number; verifyMs: number }> = [];
  for (let i = 0; i < 5; i++) scrypt.push(await (await probe.fetch("/scrypt")).json());
  const verifyMs = median(scrypt.map((s) => s.verifyMs));
  rows.push(
    `| login: scrypt verify N=2^15 r=8 p=3 | ${verifyMs} ms | 32 MiB + 3 KiB (128·N·r + 128·r·p) | – | yes |`,
  );
  for (const n of sizes) {
    for (const [kind, make] of [
      ["xlsx", staffXlsx],
      ["csv", staffCsv],
    ] as const) {
      const bytes = make(n);
      const file = join(dir, `staff-${n}.${kind}`);
      writeFileSync(file, bytes);
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await probe.fetch("/parse", { method: "POST", body: bytes });
        times.push(((await res.json()) as { ms: number }).ms);
      }
      const mem = parseMemoryInNode(file);
      const capped = parseMemoryInNode(file, capMb);
      const fits = capped !== null && mem!.liveBytes <= BUDGETS.largestParsePeakBytes;
      rows.push(
        `| parse ${n} staff rows, ${kind} (${mb(bytes.length)}) | ${median(times)} ms | ${mb(mem!.liveBytes)} | ${mb(mem!.retainedBytes)} | ${fits ? "yes" : "no"} |`,
      );
      console.log(rows.at(-1));
    }
  }
} finally {
  await probe.dispose();
  rmSync(dir, { recursive: true, force: true });
}

const machine = `${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}, workerd via Miniflare`;
const table = [
  `| work | time in workerd (median) | memory live after parse | retained after GC | fits ${capMb} MB |`,
  "|---|---|---|---|---|",
  ...rows,
].join("\n");
console.log(`Machine: ${machine}\n\n${table}`);
if (values.write) {
  writeFileSync(
    new URL("./WORKERS.md", import.meta.url),
    `# Workers limits: measured\n\nMachine: ${machine}. Run: \`npm run bench:workers -- --write\` on ${new Date().toISOString().slice(0, 10)}.\nTimes are wall time in local workerd (an upper bound of CPU time for this single-threaded work; production CPUs differ). Memory is measured in a child Node process (same V8 engine) because workerd exposes no heap statistics; "live" is heap + external + array buffers right after the parse, garbage included; "fits" means the parse also completed in a child whose heap was capped at --max-old-space-size=${capMb} and live stayed under ${capMb} MB, half of Workers' 128 MB per isolate. The importer's own row objects, the request body and the app need the other half, which is why Workers accept at most ${LARGEST_ROWS_ON_WORKERS} rows (1.5 MB, src/workers-limits.ts).\n\n${table}\n`,
  );
  // Keep the table the way `npm run lint` wants it.
  execFileSync("npx", ["biome", "format", "--write", "bench/WORKERS.md"], { stdio: "ignore" });
}
