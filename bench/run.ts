/**
 * Benchmarks, each against a raw baseline in the same run so the ratio survives a slower or
 * faster machine. Usage: npm run bench [-- --sizes 1000,10000] [--write]
 * --write replaces this run's part of bench/RESULTS.md (other benchmarks' sections stay).
 */

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openNodeDb } from "../db/node";
import { users } from "../db/schema";
import { createApp } from "../src/app";
import { SESSION_COOKIE } from "../src/auth/middleware";
import { ALL_UNITS } from "../src/auth/scope";
import { createSession, generateSessionToken } from "../src/auth/session";
import { computeAnnualReport } from "../src/services/annual-report";
import { getCoverage } from "../src/services/coverage";
import { prepareDatabase } from "../src/services/database";
import { seedDemoData } from "../src/services/demo/seed";
import { runCityBench } from "./city";

const { values } = parseArgs({
  options: {
    sizes: { type: "string" },
    write: { type: "boolean", default: false },
    /** CI smoke: small sizes only (≤ 2 minutes). */
    quick: { type: "boolean", default: false },
  },
});
const sizes = (values.sizes ?? (values.quick ? "1000" : "1000,10000")).split(",").map(Number);

async function time(fn: () => Promise<unknown>, runs = 20): Promise<number> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** A ledning user with a session, so page benchmarks run the real middleware. */
async function benchSession(db: ReturnType<typeof openNodeDb>): Promise<string> {
  const [user] = await db
    .insert(users)
    .values({ email: "bench@bench.se", name: "Bench", role: "ledning" })
    .returning({ id: users.id });
  const token = generateSessionToken();
  await createSession(db, token, user!.id);
  return `${SESSION_COOKIE}=${token}`;
}

const NOTES = `"GET …" rows are whole requests through createApp: session lookup, scope, the report's
queries and server-side HTML with inline SVG charts. "1000 people" is the demo organisation:
its pages answer in about 10 ms, far below one page load. The employment facts (one row per
employment with the earliest course dates, via indexed MIN() subqueries) come back as one
json_group_array() row: materialising 10 000 result rows in the libSQL client took ~130 ms,
the JSON array ~22 ms. The figures are pure functions over those facts (src/domain); the
monthly trend is computed in one pass per person. On a shared machine absolute numbers
vary; compare ratios.`;

const CITY_NOTES = `Floors, as issue 10 defines them, measured in the same run: SheetJS \`read(…, {dense: true})\`
+ \`sheet_to_json\` for the .xlsx, a plain \`split\` for the CSV, then libSQL multi-row INSERTs of ≈100
rows a statement of the same number of rows in one transaction. Ours includes everything: the
zip guard and cell count, reading (an .xlsx from its XML by imports/read/xlsx-values.ts, which
gives SheetJS's cells without building SheetJS's cell objects, hence a staff import below its
floor), header detection, validation, the snapshot diff planned
inside the write transaction, set-based writes (json_each: one statement per kind of change),
the undo log, the audit row. Every scenario runs in its own process (peak RSS is its own), with
the database opened as an import job opens it (one connection, \`tuneForBulkWrites\`; floor and
ours alike) and native zlib for the zip guard (\`useNodeInflate\`), as on the server.
In a full run the staff and completion imports and their floors alternate, three runs each,
and each side's median run is shown (peak RSS: the highest of its runs). The re-import is
compared with the same file's parse alone in the same process, interleaved, medians of 3.
"write lock held" is the apply's transaction from BEGIN IMMEDIATE to COMMIT. The 1 000-row import
is the median of 9 after one warm-up import in the same process (the warm-up is shown too). /healthz is
polled every 50 ms against the bundled server (npm start) while HR previews and confirms.
Files: bench/city-files.ts (48 000 staff in 800 units, a cumulative export of 150 000 rows).`;

const rows: string[] = [];
for (const size of sizes) {
  const dir = mkdtempSync(join(tmpdir(), "genomford-bench-"));
  const db = openNodeDb(`file:${join(dir, "bench.db")}`);
  await prepareDatabase(db);
  const t0 = performance.now();
  await seedDemoData(db, { today: "2026-11-25", size, withUsers: false });
  const seedMs = performance.now() - t0;
  const asOf = "2025-12-31";
  // Baseline: the cheapest query that still touches every current employment once.
  const baseline = await time(() =>
    db.all(sql`SELECT COUNT(DISTINCT person_id) FROM employments
               WHERE valid_from <= ${asOf} AND (valid_to IS NULL OR valid_to >= ${asOf})`),
  );
  const row = (name: string, ms: number, notes = "") =>
    rows.push(
      `| ${name} (${size} people) | ${ms.toFixed(2)} ms | ${baseline.toFixed(2)} ms | ${(ms / baseline).toFixed(1)}× | ${notes} |`,
    );
  row(
    "coverage, whole organisation",
    await time(() => getCoverage(db, ALL_UNITS, { asOf })),
    `seed ${seedMs.toFixed(0)} ms`,
  );
  row(
    "annual report 2025, service",
    await time(() => computeAnnualReport(db, ALL_UNITS, { year: 2025 })),
  );
  // Whole requests through the app: session check, queries, rendering to HTML.
  const cookie = await benchSession(db);
  const app = createApp({ db, now: () => new Date("2026-11-25T10:00:00Z") });
  const request =
    (path: string, headers: Record<string, string> = {}) =>
    async () => {
      const res = await app.request(path, { headers: { cookie, ...headers } });
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      return res.text();
    };
  row("GET /rapport/2025, full page", await time(request("/rapport/2025")));
  row("GET /tackning, full page with trend", await time(request("/tackning?datum=2026-11-25")));
  row(
    "GET /tackning, htmx fragment",
    await time(request("/tackning?datum=2026-11-25", { "HX-Request": "true" })),
  );
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
}

const machine = `${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const table = [
  "| benchmark | median | raw baseline | ratio | notes |",
  "|---|---|---|---|---|",
  ...rows,
].join("\n");
console.log(`Machine: ${machine}\n\n${table}`);
console.error("Imports at city scale …");
const loadAtCityStart = loadavg()
  .map((l) => l.toFixed(1))
  .join(", ");
const cityTable = await runCityBench({ quick: values.quick });
console.log(`\n${cityTable}`);
if (values.write) {
  const file = new URL("./RESULTS.md", import.meta.url);
  // Other benchmarks (bench:imports) keep their own "## " sections below ours; leave them be.
  const previous = existsSync(file) ? readFileSync(file, "utf8") : "";
  // Sections of other benchmarks stay; the imports section is this run's.
  const otherSections = (
    previous.includes("\n## ") ? previous.slice(previous.indexOf("\n## ")) : ""
  )
    .split(/\n(?=## )/)
    .filter((section) => section.trim() !== "" && !section.startsWith("## Imports"))
    .map((section) => `\n${section.trim()}\n`)
    .join("");
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(", ");
  writeFileSync(
    file,
    `# Benchmark results\n\nMachine: ${machine}. Run: \`npm run bench -- --write\` on ${new Date().toISOString().slice(0, 10)}.\nMedian of 20 runs after one warm-up; the baseline runs in the same process on the same database.\n\n${table}\n\n${NOTES}\n${otherSections}\n## Imports at city scale (issue 10)\n\nRun: \`npm run bench -- --write\` on ${new Date().toISOString()} at commit ${commit}; ${machine}; load average at the start of this part ${loadAtCityStart}, at the end ${load} (the machine is shared: absolute times are noisy, compare each row with its floor from the same run).\n\n${cityTable}\n\n${CITY_NOTES}\n`,
  );
}
