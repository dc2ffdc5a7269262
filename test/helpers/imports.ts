import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";

/**
 * A ten-person sample file (test/fixtures/ten-people/, the sample files of before
 * imports/examples/ continued the demo organisation) as bytes: small enough that every count
 * in a test can be checked by hand.
 */
export function example(name: string): { bytes: Uint8Array; fileName: string } {
  // The action plan sample has no demo counterpart; it stays in imports/examples/.
  const dir = name.startsWith("handlingsplan")
    ? "../../imports/examples"
    : "../fixtures/ten-people";
  const buf = readFileSync(new URL(`${dir}/${name}`, import.meta.url));
  return { bytes: new Uint8Array(buf), fileName: name };
}

const DATA_TABLES = ["units", "people", "employments", "completions", "unmatched", "person_links"];

/** Every row of the tables imports write (not the imports log itself), for before/after checks. */
export async function dumpData(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of DATA_TABLES) {
    out[t] = await db.all(sql.raw(`SELECT * FROM ${t} ORDER BY id`));
  }
  return out;
}

export async function count(db: Db, table: string, where = "1 = 1"): Promise<number> {
  const [row] = await db.all<{ n: number }>(
    sql.raw(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`),
  );
  return row?.n ?? 0;
}

/** A preview job of a file that is no spreadsheet: refused with "Filtypen .pdf stöds inte". */
export function notASpreadsheetJob() {
  return {
    kind: "staff" as const,
    bytes: new TextEncoder().encode("bara text"),
    fileName: "p.pdf",
    asOf: "2025-12-31",
    dryRun: true,
    userId: null,
    ip: null,
  };
}
