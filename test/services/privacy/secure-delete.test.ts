/** The write-ahead log is truncated after deleting personal data, also while others read. */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { openNodeDb } from "../../../db/node";
import { truncateWriteAheadLog } from "../../../src/services/privacy/secure-delete";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "genomford-wal-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it("waits for a reader to finish instead of leaving the log as it was", async () => {
  const file = join(dir, "t.db");
  const server = openNodeDb(`file:${file}`);
  const reader = openNodeDb(`file:${file}`);
  try {
    await server.$client.execute("PRAGMA journal_mode = WAL");
    await server.$client.execute("CREATE TABLE t (x TEXT)");
    await server.$client.execute("INSERT INTO t VALUES ('personnummer')");
    // A reader inside a transaction keeps the log from being reset.
    const reading = await reader.$client.transaction("read");
    await reading.execute("SELECT * FROM t");
    await server.$client.execute("DELETE FROM t");
    const truncating = truncateWriteAheadLog(server);
    await new Promise((r) => setTimeout(r, 150));
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    reading.close();
    await truncating;
    expect(statSync(`${file}-wal`).size).toBe(0);
  } finally {
    server.$client.close();
    reader.$client.close();
  }
});
