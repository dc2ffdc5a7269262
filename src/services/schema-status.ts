/**
 * Is the database's schema as new as this code? drizzle's migrator records each applied
 * migration's `when` (from db/migrations/meta/_journal.json) in __drizzle_migrations; code
 * deployed before its migration ran would fail on the first query that needs a new column.
 * Workers never migrate per request, so /healthz says so instead (503) until
 * `npm run deploy:worker` (or `cli db migrate`) has run.
 */

import type { Db } from "../../db/client";
import journal from "../../db/migrations/meta/_journal.json";

export type SchemaStatus =
  | { ok: true; migration: string }
  | { ok: false; expected: string; applied: string | null; message: string };

/** The newest migration this code was built with. */
export function expectedMigration(): { tag: string; when: number } {
  const last = journal.entries.at(-1);
  if (!last) throw new Error("db/migrations/meta/_journal.json has no entries");
  return { tag: last.tag, when: last.when };
}

export async function schemaStatus(db: Db): Promise<SchemaStatus> {
  const expected = expectedMigration();
  let newest: number | null = null;
  try {
    const result = await db.$client.execute(
      "SELECT MAX(created_at) AS newest FROM __drizzle_migrations",
    );
    const value = result.rows[0]?.newest;
    newest = value === null || value === undefined ? null : Number(value);
  } catch (error) {
    // A database that was never migrated has no such table; anything else is an outage.
    if (!/no such table/i.test(String(error))) throw error;
  }
  if (newest !== null && newest >= expected.when) return { ok: true, migration: expected.tag };
  const applied = journal.entries.filter((e) => newest !== null && e.when <= newest).at(-1);
  return {
    ok: false,
    expected: expected.tag,
    applied: applied?.tag ?? null,
    message: `Databasens schema är äldre än koden: koden väntar sig migreringen ${expected.tag}, databasen har ${applied?.tag ?? "inga migreringar"}. Kör npm run deploy:worker (eller cli db migrate) mot databasen.`,
  };
}
