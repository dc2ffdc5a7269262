/**
 * Benchmarks, each against a raw baseline in the same run so the ratio survives a slower or
 * faster machine. Usage: npm run bench [-- --sizes 1000,10000] [--write]
 * --write replaces this run's part of bench/RESULTS.md (other benchmarks' sections stay).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
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

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000" },
    write: { type: "boolean", default: false },
  },
});
const sizes = values.sizes.split(",").map(Number);

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
if (values.write) {
  const file = new URL("./RESULTS.md", import.meta.url);
  // Other benchmarks (bench:imports) keep their own "## " sections below ours; leave them be.
  const previous = existsSync(file) ? readFileSync(file, "utf8") : "";
  const otherSections = previous.includes("\n## ") ? previous.slice(previous.indexOf("\n## ")) : "";
  writeFileSync(
    file,
    `# Benchmark results\n\nMachine: ${machine}. Run: \`npm run bench -- --write\` on ${new Date().toISOString().slice(0, 10)}.\nMedian of 20 runs after one warm-up; the baseline runs in the same process on the same database.\n\n${table}\n\n${NOTES}\n${otherSections}`,
  );
}
