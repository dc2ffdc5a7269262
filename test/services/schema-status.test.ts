/**
 * /healthz compares the database's applied migrations with the newest one the code was built
 * with: 200 when they match, 503 with a Swedish message saying what to run when the code is
 * newer (deployed before `npm run deploy:worker` migrated), or when the database is down.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import journal from "../../db/migrations/meta/_journal.json";
import { openNodeDb } from "../../db/node";
import { createApp } from "../../src/app";
import { expectedMigration } from "../../src/services/schema-status";
import { createTestDb, type TestDb } from "../helpers/db";

describe("GET /healthz and the schema version", () => {
  let t: TestDb | undefined;
  afterEach(() => t?.cleanup());

  it("knows the newest migration of db/migrations", () => {
    expect(expectedMigration().tag).toBe(journal.entries.at(-1)!.tag);
    expect(expectedMigration().tag).toMatch(/^\d{4}_/);
  });

  it("answers 200 on a database migrated by this code", async () => {
    t = await createTestDb();
    const res = await createApp({ db: t.db }).request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, migration: expectedMigration().tag });
  });

  it("answers 503 with what to run when the newest migration is missing", async () => {
    t = await createTestDb();
    await t.db.$client.execute({
      sql: "DELETE FROM __drizzle_migrations WHERE created_at = ?",
      args: [expectedMigration().when],
    });
    const res = await createApp({ db: t.db }).request("/healthz");
    expect(res.status).toBe(503);
    const body = (await res.json()) as { ok: boolean; message: string; applied: string | null };
    expect(body.ok).toBe(false);
    expect(body.applied).toBe(journal.entries.at(-2)?.tag ?? null);
    expect(body.message).toContain(`koden väntar sig migreringen ${expectedMigration().tag}`);
    expect(body.message).toContain("npm run deploy:worker");
  });

  it("answers 503 on a database that was never migrated", async () => {
    const dir = mkdtempSync(join(tmpdir(), "genomford-healthz-"));
    const db = openNodeDb(`file:${join(dir, "empty.db")}`);
    try {
      const res = await createApp({ db }).request("/healthz");
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ ok: false, applied: null });
    } finally {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("answers 503 'Databasen svarar inte' when the database is unreachable", async () => {
    t = await createTestDb();
    t.db.$client.close();
    const res = await createApp({ db: t.db }).request("/healthz");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, message: "Databasen svarar inte." });
    t = undefined;
  });
});
