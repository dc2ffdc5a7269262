/**
 * Import throughput: a 1000-person staff list (.xlsx) and a 5000-row completions export (.csv)
 * through the real importers, against a raw baseline that INSERTs the same rows in one
 * transaction. Usage: npm run bench:imports [-- --staff 1000 --rows 5000 --runs 5]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import * as XLSX from "xlsx";
import type { Db } from "../db/client";
import { openNodeDb } from "../db/node";
import { completions, employments, people, units } from "../db/schema";
import { prepareDatabase } from "../src/services/database";
import { importCompletions } from "../src/services/imports/completions";
import { importStaff } from "../src/services/imports/staff";

const { values } = parseArgs({
  options: {
    staff: { type: "string", default: "1000" },
    rows: { type: "string", default: "5000" },
    runs: { type: "string", default: "5" },
  },
});
const STAFF = Number(values.staff);
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);
const WEB = "Våldsbejakande extremism – webbutbildning";

const staffRows = Array.from({ length: STAFF }, (_, i) => {
  const no = String(100001 + i);
  return [
    no,
    `Förnamn${i}`,
    `Efternamn${i}`,
    `p${no}@example.se`,
    `Avdelning ${i % 6}`,
    `Enhet ${i % 40}`,
    `E${i % 40}`,
    "Handläggare",
    40000 + (i % 5000),
  ];
});
const staffHeader = [
  "Anst.nr",
  "Förnamn",
  "Efternamn",
  "E-post",
  "Avdelning",
  "Enhet",
  "Enhetskod",
  "Befattning",
  "Anställningsdatum",
];
function staffXlsx(): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([["Personalförteckning"], staffHeader, ...staffRows]),
    "P",
  );
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }));
}
// Cumulative export: every person several times (courses and statuses), some not started.
const exportRows = Array.from({ length: ROWS }, (_, i) => {
  const p = staffRows[i % STAFF]!;
  const day = String(1 + (i % 28)).padStart(2, "0");
  const status = i % 10 === 0 ? "Ej påbörjad" : i % 3 === 0 ? "Påbörjad" : "Genomförd";
  const month = String(1 + (((i / STAFF) | 0) % 12)).padStart(2, "0");
  return [
    `"${p[2]}, ${p[1]}"`,
    p[3],
    i % 7 === 0 ? "Otillåten påverkan" : WEB,
    status,
    `2025-${month}-${day}`,
    status === "Genomförd" ? `2025-${month}-${day}` : "",
  ];
});
const exportCsv = new TextEncoder().encode(
  `Namn,E-post,Kurs,Status,Startdatum,Slutförd datum\n${exportRows.map((r) => r.join(",")).join("\n")}\n`,
);

async function freshDb(): Promise<{ db: Db; done: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), "genomford-bench-imports-"));
  const db = openNodeDb(`file:${join(dir, "b.db")}`);
  await prepareDatabase(db);
  const done = () => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { db, done };
}

async function median(fn: () => Promise<number>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await fn());
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const timed = async (fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

const staffBytes = staffXlsx();
const staffMs = await median(async () => {
  const { db, done } = await freshDb();
  const ms = await timed(() =>
    importStaff(db, {
      bytes: staffBytes,
      fileName: "p.xlsx",
      asOf: "2025-12-31",
      dryRun: false,
      userId: null,
    }),
  );
  done();
  return ms;
});
const staffBase = await median(async () => {
  const { db, done } = await freshDb();
  const ms = await timed(() =>
    db.transaction(async (tx) => {
      const [u] = await tx
        .insert(units)
        .values({ name: "Enhet", path: "/1/" })
        .returning({ id: units.id });
      for (let i = 0; i < staffRows.length; i += 400) {
        const ids = await tx
          .insert(people)
          .values(
            staffRows.slice(i, i + 400).map((r) => ({
              employeeNo: String(r[0]),
              firstName: String(r[1]),
              lastName: String(r[2]),
              email: String(r[3]),
            })),
          )
          .returning({ id: people.id });
        await tx.insert(employments).values(
          ids.map(({ id }) => ({
            personId: id,
            unitId: u!.id,
            title: "Handläggare",
            validFrom: "2020-01-01",
          })),
        );
      }
    }),
  );
  done();
  return ms;
});

const complMs = await median(async () => {
  const { db, done } = await freshDb();
  await importStaff(db, {
    bytes: staffBytes,
    fileName: "p.xlsx",
    asOf: "2025-12-31",
    dryRun: false,
    userId: null,
  });
  const ms = await timed(() =>
    importCompletions(db, { bytes: exportCsv, fileName: "e.csv", dryRun: false, userId: null }),
  );
  done();
  return ms;
});
const complBase = await median(async () => {
  const { db, done } = await freshDb();
  await importStaff(db, {
    bytes: staffBytes,
    fileName: "p.xlsx",
    asOf: "2025-12-31",
    dryRun: false,
    userId: null,
  });
  const rows = exportRows.map((r, i) => ({
    personId: 1 + (i % STAFF),
    courseId: "vbe-webb",
    kind: "completed" as const,
    date: String(r[4]),
  }));
  const ms = await timed(() =>
    db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += 300)
        await tx
          .insert(completions)
          .values(rows.slice(i, i + 300))
          .onConflictDoNothing();
    }),
  );
  done();
  return ms;
});

const table = [
  "| benchmark | median | raw baseline | ratio | notes |",
  "|---|---|---|---|---|",
  `| import staff, ${STAFF} people (.xlsx, new DB) | ${staffMs.toFixed(0)} ms | ${staffBase.toFixed(0)} ms | ${(staffMs / staffBase).toFixed(1)}× | baseline: INSERT people + employments in one transaction |`,
  `| import completions, ${ROWS} rows (.csv, cumulative) | ${complMs.toFixed(0)} ms | ${complBase.toFixed(0)} ms | ${(complMs / complBase).toFixed(1)}× | baseline: INSERT OR IGNORE the same rows in one transaction |`,
].join("\n");
console.log(
  `Median of ${RUNS} runs, each on a fresh migrated file DB; the import includes reading and parsing the file.\n\n${table}`,
);
