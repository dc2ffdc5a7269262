/**
 * One measurement of bench/city.ts in its own process, so each has its own peak RSS:
 *   tsx bench/city-scenario.ts SCENARIO DIR   → one JSON line on stdout {ms, rssMb, …}
 * DIR holds the generated files (staff.xlsx, completions.csv, bomb.xlsx, staff-small.xlsx).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import * as XLSX from "xlsx";
import type { Db } from "../db/client";
import { openNodeDb, tuneForBulkWrites } from "../db/node";
import { readSheet } from "../imports/read";
import { useNodeInflate } from "../imports/read/node-inflate";
import { prepareDatabase } from "../src/services/database";
import { importCompletions } from "../src/services/imports/completions";
import { parseStaffFile } from "../src/services/imports/parse";
import { importStaff } from "../src/services/imports/staff";

const [scenario, dir] = process.argv.slice(2) as [string, string];
// As the server, the import worker and the CLI do on Node: native zlib for the zip guard.
useNodeInflate();
const file = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const rssMb = () => process.resourceUsage().maxRSS / 1024;

async function freshDb(): Promise<{ db: Db; done: () => void }> {
  const tmp = mkdtempSync(join(tmpdir(), "genomford-city-"));
  // Opened as an import job opens it (the worker thread, the CLI): floor and ours alike.
  const db = openNodeDb(`file:${join(tmp, "b.db")}`, undefined, { batch: true });
  await prepareDatabase(db);
  await tuneForBulkWrites(db);
  return {
    db,
    done: () => {
      db.$client.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** The floor's write: multi-row INSERTs of ≈100 rows a statement, one transaction. */
async function insertFloor(db: Db, table: string, columns: string[], rows: unknown[][]) {
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 100) {
      const batch = rows.slice(i, i + 100);
      const marks = batch.map(() => `(${columns.map(() => "?").join(",")})`).join(",");
      await tx.run(
        sql.raw(`INSERT INTO ${table} (${columns.join(",")}) VALUES ${marks}`).append(sql``),
      );
      void marks;
    }
  });
}

async function insertChunks(db: Db, table: string, columns: string[], rows: unknown[][]) {
  const client = db.$client;
  const tx = await client.transaction("write");
  for (let i = 0; i < rows.length; i += 100) {
    const batch = rows.slice(i, i + 100);
    const marks = batch.map(() => `(${columns.map(() => "?").join(",")})`).join(",");
    await tx.execute({
      sql: `INSERT INTO ${table} (${columns.join(",")}) VALUES ${marks}`,
      args: batch.flat() as never,
    });
  }
  await tx.commit();
}
void insertFloor;

const timings: { parseMs?: number; writeMs?: number } = {};
const staffInput = (bytes: Uint8Array, asOf = "2025-12-31") => ({
  bytes,
  fileName: "personal.xlsx",
  asOf,
  dryRun: false,
  userId: null,
  timings,
});

const SCENARIOS: Record<string, () => Promise<Record<string, number>>> = {
  async "floor-staff"() {
    const bytes = file("staff.xlsx");
    const { db, done } = await freshDb();
    await db.run(sql`INSERT INTO units (id, name, path) VALUES (1, 'Stad', '/1/')`);
    const { ms } = await timed(async () => {
      const wb = XLSX.read(bytes, { type: "array", dense: true });
      const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, {
        header: 1,
      });
      const data = rows.slice(2);
      await insertChunks(
        db,
        "people",
        ["id", "employee_no", "first_name", "last_name", "email"],
        data.map((r, i) => [i + 1, r[0], r[1], r[2], r[3]]),
      );
      await insertChunks(
        db,
        "employments",
        ["person_id", "unit_id", "title", "valid_from"],
        data.map((_, i) => [i + 1, 1, "Handläggare", "2020-01-01"]),
      );
    });
    done();
    return { ms };
  },
  async "ours-staff"() {
    const bytes = file("staff.xlsx");
    const { db, done } = await freshDb();
    const { ms, value } = await timed(() => importStaff(db, staffInput(bytes)));
    done();
    return { ms, created: value.created, ...timingsOf(value) };
  },
  async "floor-completions"() {
    const bytes = file("completions.csv");
    const { db, done } = await freshDb();
    await importStaff(db, staffInput(file("staff.xlsx")));
    const { ms } = await timed(async () => {
      const lines = new TextDecoder().decode(bytes).split("\n").slice(1);
      const [{ n }] = (await db.all(sql`SELECT COUNT(*) AS n FROM people`)) as [{ n: number }];
      const rows = lines
        .filter(Boolean)
        .map((_line, i) => [
          1 + (i % n),
          "vbe-webb",
          "completed",
          `2025-01-${String(1 + (i % 28)).padStart(2, "0")}-${i}`,
        ]);
      await insertChunks(db, "completions", ["person_id", "course_id", "kind", "date"], rows);
    });
    done();
    return { ms };
  },
  async "ours-completions"() {
    const bytes = file("completions.csv");
    const { db, done } = await freshDb();
    await importStaff(db, staffInput(file("staff.xlsx")));
    const { ms, value } = await timed(() =>
      importCompletions(db, {
        bytes,
        fileName: "export.csv",
        dryRun: false,
        userId: null,
        timings,
      }),
    );
    done();
    return { ms, matched: value.matched, events: value.newEvents, ...timingsOf(value) };
  },
  /**
   * The no-change re-import against its parse alone, both in this process and interleaved
   * (parse, re-import, parse, …; medians of 3): the 48k parse alone varied 3.4–5.0 s between
   * fresh processes on a quiet machine, more than the re-import adds to it.
   */
  async "reimport-staff"() {
    const bytes = file("staff.xlsx");
    const { db, done } = await freshDb();
    await importStaff(db, staffInput(bytes));
    const parses: number[] = [];
    const reimports: number[] = [];
    let unchanged = 0;
    for (const asOf of ["2026-01-31", "2026-02-28", "2026-03-31"]) {
      parses.push((await timed(async () => parseStaffFile(bytes, "p.xlsx"))).ms);
      const { ms, value } = await timed(() => importStaff(db, staffInput(bytes, asOf)));
      reimports.push(ms);
      unchanged = value.unchanged;
    }
    done();
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    return { ms: median(reimports), parseAloneMs: median(parses), unchanged, ...timingsOf({}) };
  },
  async "small-staff"() {
    const bytes = file("staff-small.xlsx");
    const samples: number[] = [];
    let firstImportMs = 0;
    // One warm-up import first, as every other benchmark here: the first call in a process
    // compiles SheetJS and the import path (0.5–0.8 s), which a running server has done once.
    for (let i = -1; i < 9; i++) {
      const { db, done } = await freshDb();
      const { ms } = await timed(() => importStaff(db, staffInput(bytes)));
      if (i < 0) firstImportMs = ms;
      else samples.push(ms);
      done();
    }
    samples.sort((a, b) => a - b);
    return { ms: samples[4]!, firstMs: firstImportMs };
  },
  async bomb() {
    const bytes = file("bomb.xlsx");
    const { ms, value } = await timed(async () => {
      try {
        readSheet(bytes, "bomb.xlsx");
        return "accepted";
      } catch (err) {
        return (err as Error).message;
      }
    });
    return { ms, refused: value === "accepted" ? 0 : 1, bytes: bytes.length };
  },
};

function timingsOf(_r: object): Record<string, number> {
  return { ...timings } as Record<string, number>;
}

const run = SCENARIOS[scenario];
if (!run) throw new Error(`unknown scenario ${scenario}`);
const result = await run();
process.stdout.write(`${JSON.stringify({ scenario, ...result, rssMb: rssMb() })}\n`);
