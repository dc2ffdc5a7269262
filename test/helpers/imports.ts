import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";

/** A sample file from imports/examples/ as bytes. */
export function example(name: string): { bytes: Uint8Array; fileName: string } {
  const buf = readFileSync(new URL(`../../imports/examples/${name}`, import.meta.url));
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
