/**
 * Deleting personal data must remove the bytes too. SQLite normally leaves deleted rows in
 * free space and old page versions in the write-ahead log, where a copy of the file still
 * shows them. On the embedded file database we switch on `secure_delete` for the writing
 * connection (deleted content is overwritten with zeros) and afterwards copy the log back
 * and truncate it. A remote libSQL server manages its own storage; there both are skipped.
 */
import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../db/client";

export function isEmbeddedFile(db: Db): boolean {
  return (db.$client as { protocol?: string }).protocol === "file";
}

/** Inside the deleting transaction, on the connection that deletes (pragmas are per connection). */
export async function zeroDeletedContent(tx: DbOrTx, embedded: boolean): Promise<void> {
  if (embedded) await tx.run(sql`PRAGMA secure_delete = ON`);
}

/** After the commit: no older page versions left in the write-ahead log. */
export async function truncateWriteAheadLog(db: Db): Promise<void> {
  if (isEmbeddedFile(db)) await db.run(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
}
