/**
 * Deleting personal data must remove the bytes too. SQLite normally leaves deleted rows in
 * free space and old page versions in the write-ahead log, where a copy of the file still
 * shows them. On the embedded file database we switch on `secure_delete` for the writing
 * connection (deleted content is overwritten with zeros) and afterwards copy the log back
 * and truncate it. A remote libSQL server manages its own storage; there both are skipped.
 */
import { sql } from "drizzle-orm";
import { type Db, type DbOrTx, isEmbeddedFile } from "../../../db/client";

/** Inside the deleting transaction, on the connection that deletes (pragmas are per connection). */
export async function zeroDeletedContent(tx: DbOrTx, embedded: boolean): Promise<void> {
  if (embedded) await tx.run(sql`PRAGMA secure_delete = ON`);
}

/**
 * After the commit: no older page versions left in the write-ahead log. While another
 * connection reads or writes, the checkpoint reports "busy" instead of truncating (the
 * server's connections never wait for a lock inside the native call, db/node.ts): it is
 * tried again every 50 ms, for up to 5 s, without holding up other requests meanwhile.
 */
export async function truncateWriteAheadLog(db: Db): Promise<void> {
  if (!isEmbeddedFile(db)) return;
  for (let waited = 0; ; waited += 50) {
    const [result] = await db.all<{ busy: number }>(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
    if (!result?.busy || waited >= 5000) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
