/**
 * Getting a database ready, for every entry that owns one (Node server, CLI, tests, the
 * Workers test fixture): the schema migrations (db/, a leaf that knows nothing of the app),
 * then the course catalogue from courses/. Safe to run on every start.
 */
import type { Db } from "../../db/client";
import { migrateDb } from "../../db/migrate";
import { syncCourseCatalogue } from "./courses";

export async function prepareDatabase(db: Db): Promise<void> {
  await migrateDb(db);
  await syncCourseCatalogue(db);
}
