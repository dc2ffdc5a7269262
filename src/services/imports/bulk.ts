/**
 * Set-based writes for imports and undo. Every helper is ONE statement whatever the number of
 * rows: the rows travel as one JSON parameter and SQLite reads them with json_each. On a
 * remote libSQL each statement is a round trip (≈20 ms), so a 48 000-row import costs a
 * handful of them instead of hundreds; locally it skips binding thousands of parameters.
 */
import { getTableColumns, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { DbOrTx } from "../../../db/client";

type Value = string | number | null;

/** SQL column name of each TypeScript property of a table (`validTo` → `valid_to`). */
export function columnNames(table: SQLiteTable): Map<string, string> {
  return new Map(Object.entries(getTableColumns(table)).map(([prop, col]) => [prop, col.name]));
}

const ident = (name: string) => {
  // Names come from our schema, never from a file; the check keeps it that way.
  if (!/^[a-z_]+$/.test(name)) throw new Error(`not a column name: ${name}`);
  return sql.raw(`"${name}"`);
};

function selectList(columns: readonly string[]) {
  return sql.join(
    columns.map((c, i) => sql`value ->> ${sql.raw(String(i))} AS ${ident(c)}`),
    sql`, `,
  );
}

/**
 * Inserts rows (arrays in `columns` order) and returns the range of ids they got. Inside a
 * write transaction AUTOINCREMENT hands out consecutive ids in json_each order, so row i got
 * `first + i`; the count of that range is checked so a surprise would fail loudly.
 */
export async function insertRows(
  db: DbOrTx,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly Value[])[],
): Promise<{ first: number; last: number }> {
  if (rows.length === 0) return { first: 0, last: -1 };
  const names = sql.join(columns.map(ident), sql`, `);
  const result = await db.run(
    sql`INSERT INTO ${ident(table)} (${names}) SELECT ${selectList(columns)} FROM json_each(${JSON.stringify(rows)})`,
  );
  const last = Number(result.lastInsertRowid);
  const first = last - rows.length + 1;
  if (result.rowsAffected !== rows.length) throw new Error(`insert into ${table}: row count`);
  return { first, last };
}

/** Rows whose first value is the id; the other values go to `columns`. */
export async function updateRows(
  db: DbOrTx,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly Value[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const sets = sql.join(
    columns.map((c) => sql`${ident(c)} = v.${ident(c)}`),
    sql`, `,
  );
  await db.run(
    sql`UPDATE ${ident(table)} SET ${sets}
        FROM (SELECT ${selectList(["id", ...columns])} FROM json_each(${JSON.stringify(rows)})) AS v
        WHERE ${ident(table)}.id = v.id`,
  );
}

export async function deleteIds(db: DbOrTx, table: string, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.run(
    sql`DELETE FROM ${ident(table)} WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
  );
}

/** One `import_effects` row per id in [first, last]: the rows one insertRows call wrote. */
export async function recordInsertedRange(
  db: DbOrTx,
  importId: number,
  entity: string,
  range: { first: number; last: number },
): Promise<number> {
  if (range.last < range.first) return 0;
  const result = await db.run(
    sql`INSERT INTO import_effects (import_id, entity, entity_id, action)
        SELECT ${importId}, ${entity}, id, 'insert' FROM ${ident(entity)}
        WHERE id BETWEEN ${range.first} AND ${range.last}`,
  );
  return result.rowsAffected;
}
