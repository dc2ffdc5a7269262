/**
 * Node-side migrator used by the server, the CLI and the tests. Workers never migrate on
 * request: the CLI migrates the remote database before a deploy (see README).
 */
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/libsql/migrator";
import { type Db, isEmbeddedFile } from "./client";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

/**
 * Applies pending migrations. Safe to run every start. The app's own start-up (catalogue sync)
 * is `prepareDatabase` in src/services/database.ts: db/ imports nothing from src/.
 */
export async function migrateDb(db: Db): Promise<void> {
  // WAL lets the web server read while the CLI imports into the same file.
  if (isEmbeddedFile(db)) {
    await db.$client.execute("PRAGMA journal_mode = WAL");
  }
  await db.$client.execute("PRAGMA foreign_keys = ON");
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
