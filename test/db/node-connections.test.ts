/**
 * The embedded file database's connections: the server's client waits for another's write
 * lock (an import in the worker thread) without blocking its event loop, and a batch job's
 * connection leaves the write-ahead log to be copied back after its commit.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUSY_TIMEOUT_MS, finishBulkWrites, openNodeDb, tuneForBulkWrites } from "../../db/node";

let dir: string;
let url: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "genomford-conn-"));
  url = `file:${join(dir, "t.db")}`;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("openNodeDb on a file", () => {
  it("never waits for a lock inside a native call on the server's client, on any connection", async () => {
    const db = openNodeDb(url);
    const batch = openNodeDb(url, undefined, { batch: true });
    try {
      // The open transaction holds one connection, so the query below gets a new one.
      const tx = await db.$client.transaction("write");
      const fresh = await db.$client.execute("PRAGMA busy_timeout");
      await tx.rollback();
      expect(Object.values(fresh.rows[0]!)[0]).toBe(0);
      const own = await batch.$client.execute("PRAGMA busy_timeout");
      expect(Object.values(own.rows[0]!)[0]).toBe(BUSY_TIMEOUT_MS);
    } finally {
      db.$client.close();
      batch.$client.close();
    }
  });

  it("does not retry what is not a busy lock", async () => {
    const db = openNodeDb(url);
    try {
      await db.$client.execute("CREATE TABLE u (x INTEGER UNIQUE)");
      await db.$client.execute("INSERT INTO u VALUES (1)");
      const t0 = Date.now();
      await expect(db.$client.execute("INSERT INTO u VALUES (1)")).rejects.toThrow(/UNIQUE/);
      expect(Date.now() - t0).toBeLessThan(BUSY_TIMEOUT_MS);
    } finally {
      db.$client.close();
    }
  });

  it("lets a write wait for another client's write transaction, with the event loop free", async () => {
    const importer = openNodeDb(url);
    const server = openNodeDb(url);
    try {
      await importer.$client.execute("PRAGMA journal_mode = WAL");
      await importer.$client.execute("CREATE TABLE t (x INTEGER)");
      const tx = await importer.$client.transaction("write");
      await tx.execute("INSERT INTO t VALUES (1)");
      const waiting = server.$client.execute("INSERT INTO t VALUES (2)");
      // This timer only fires if the waiting write leaves the event loop free.
      await new Promise((r) => setTimeout(r, 150));
      await tx.commit();
      await waiting;
      const rows = await server.$client.execute("SELECT x FROM t ORDER BY x");
      expect(rows.rows.map((r) => r.x)).toEqual([1, 2]);
    } finally {
      importer.$client.close();
      server.$client.close();
    }
  });
});

describe("a batch job's connection", () => {
  it("keeps a large commit in the write-ahead log until finishBulkWrites copies it back", async () => {
    const db = openNodeDb(url, undefined, { batch: true });
    await db.$client.execute("PRAGMA journal_mode = WAL");
    await tuneForBulkWrites(db);
    await db.$client.execute("CREATE TABLE t (x TEXT)");
    const tx = await db.$client.transaction("write");
    // ≈2 000 pages: past the default auto-checkpoint of 1 000 pages.
    await tx.execute({
      sql: "INSERT INTO t SELECT hex(randomblob(2000)) FROM json_each(?)",
      args: [JSON.stringify(Array.from({ length: 2000 }, (_, i) => i))],
    });
    await tx.commit();
    const mainFile = join(dir, "t.db");
    const beforeFinish = statSync(mainFile).size;
    await finishBulkWrites(db);
    const afterFinish = statSync(mainFile).size;
    expect(beforeFinish).toBeLessThan(1024 * 1024);
    expect(afterFinish).toBeGreaterThan(4 * 1024 * 1024);
  });
});
