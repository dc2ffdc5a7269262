import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Db } from "../../db/client";
import { openNodeDb } from "../../db/node";
import { prepareDatabase } from "../../src/services/database";

export interface TestDb {
  db: Db;
  url: string;
  dir: string;
  cleanup: () => void;
}

/** A real, migrated libSQL file database in a fresh temp dir. */
export async function createTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), "genomford-test-"));
  const url = `file:${join(dir, "test.db")}`;
  const db = openNodeDb(url);
  await prepareDatabase(db);
  return {
    db,
    url,
    dir,
    cleanup: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
