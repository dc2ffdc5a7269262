/**
 * Node-side check of the libSQL-over-HTTP test fixture: the same `@libsql/client/web` the
 * Worker uses (and drizzle on top, and the CLI's migrator) must see a real database.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Client, createClient } from "@libsql/client/web";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { openNodeDb } from "../../db/node";
import { courses, people } from "../../db/schema";
import { prepareDatabase } from "../../src/services/database";
import { parameterNames } from "./fixtures/hrana-exec";
import { type HranaServer, startHranaServer } from "./fixtures/hrana-server";

const TOKEN = "fixture-token";

describe("Hrana-over-HTTP test fixture", () => {
  let dir: string;
  let server: HranaServer;
  let client: Client;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "genomford-hrana-"));
    server = await startHranaServer({ path: join(dir, "remote.db"), authToken: TOKEN });
    client = createClient({ url: server.url, authToken: TOKEN });
  });
  afterAll(async () => {
    client.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("migrates a remote database the way `cli db migrate` does (Node client over HTTP)", async () => {
    const db = openNodeDb(server.url, TOKEN);
    await prepareDatabase(db);
    db.$client.close();
    const before = server.stats.pipelines;
    const rows = await createDb(client).select().from(courses).orderBy(courses.id);
    expect(rows.map((c) => c.id)).toEqual(["otillaten-paverkan", "vbe-fordjupning", "vbe-webb"]);
    expect(server.stats.pipelines).toBe(before + 1);
  });

  it("executes with positional and named arguments and keeps SQLite's value types", async () => {
    const pos = await client.execute({ sql: "SELECT ? + 1 AS i, ? * 2 AS f", args: [41, 1.25] });
    expect(pos.columns).toEqual(["i", "f"]);
    expect(pos.rows[0]).toMatchObject({ i: 42, f: 2.5 });
    const named = await client.execute({
      sql: "SELECT :t || '!' AS t, typeof(@n) AS n, length(x'00ff') AS b",
      args: { t: "hej", n: null },
    });
    expect(named.rows[0]).toMatchObject({ t: "hej!", n: "null", b: 2 });
  });

  it("reports rows affected and last insert rowid, also for INSERT … RETURNING", async () => {
    await client.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)");
    const ins = await client.execute({
      sql: "INSERT INTO t (v) VALUES (?), (?)",
      args: ["a", "b"],
    });
    expect(ins.rowsAffected).toBe(2);
    expect(ins.lastInsertRowid).toBe(2n);
    const ret = await client.execute({
      sql: "INSERT INTO t (v) VALUES ('c') RETURNING id",
      args: [],
    });
    expect(ret.rows[0]?.id).toBe(3);
    expect(ret.rowsAffected).toBe(1);
    expect(ret.columnTypes).toEqual(["INTEGER"]);
  });

  it("runs a batch atomically: a failing step rolls back the earlier ones", async () => {
    await expect(
      client.batch(
        [
          { sql: "INSERT INTO t (v) VALUES (?)", args: ["d"] },
          { sql: "INSERT INTO t (v) VALUES (?)", args: ["d"] }, // UNIQUE violation
        ],
        "write",
      ),
    ).rejects.toThrow(/UNIQUE/);
    const n = await client.execute("SELECT COUNT(*) AS n FROM t WHERE v = 'd'");
    expect(n.rows[0]?.n).toBe(0);
    // Repeated statements go through store_sql/sql_id in one batch.
    const ok = await client.batch(
      ["a", "b", "c"].map((v) => ({ sql: "SELECT v FROM t WHERE v = ?", args: [v] })),
      "read",
    );
    expect(ok.map((r) => r.rows[0]?.v)).toEqual(["a", "b", "c"]);
  });

  it("keeps an interactive transaction on its stream and hides it from others until commit", async () => {
    const other = createClient({ url: server.url, authToken: TOKEN });
    const db = createDb(client);
    await db.transaction(async (tx) => {
      await tx.insert(people).values({ employeeNo: "T-1", firstName: "Tove", lastName: "Test" });
      const inside = await tx.select().from(people).where(eq(people.employeeNo, "T-1"));
      expect(inside).toHaveLength(1);
    });
    const seen = await other.execute("SELECT first_name FROM people WHERE employee_no = 'T-1'");
    expect(seen.rows[0]?.first_name).toBe("Tove");
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(people).values({ employeeNo: "T-2", firstName: "Ture", lastName: "Test" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    const gone = await other.execute("SELECT COUNT(*) AS n FROM people WHERE employee_no = 'T-2'");
    expect(gone.rows[0]?.n).toBe(0);
    other.close();
  });

  it("lets other streams wait while a transaction is open, then runs all of them", async () => {
    const readers = [1, 2].map(() => createClient({ url: server.url, authToken: TOKEN }));
    const tx = await client.transaction("write");
    await tx.execute({ sql: "INSERT INTO t (v) VALUES (?)", args: ["in-tx"] });
    const reads = readers.map((r) => r.execute("SELECT COUNT(*) AS n FROM t WHERE v = 'in-tx'"));
    let settled = false;
    void Promise.all(reads).then(() => {
      settled = true;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false); // both wait for the writer…
    await tx.commit();
    const counts = await Promise.all(reads); // …and both run once it commits
    expect(counts.map((c) => c.rows[0]?.n)).toEqual([1, 1]);
    for (const r of readers) r.close();
  });

  it("runs a sequence and enforces foreign keys on every connection", async () => {
    await client.executeMultiple(
      "CREATE TABLE s1 (x); INSERT INTO s1 VALUES (1); INSERT INTO s1 VALUES (2);",
    );
    expect((await client.execute("SELECT SUM(x) AS s FROM s1")).rows[0]?.s).toBe(3);
    await expect(
      client.execute(
        "INSERT INTO employments (person_id, unit_id, valid_from) VALUES (999999, 999999, '2025-01-01')",
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it("answers describe, close and the protocol's errors as Hrana specifies", async () => {
    const post = (body: unknown, token = TOKEN) =>
      fetch(`${server.url}/v2/pipeline`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    const res = await post({
      requests: [
        { type: "describe", sql: "SELECT v AS value FROM t WHERE id = ?1 OR v = :v OR v = :v" },
        { type: "describe", sql: "DELETE FROM t WHERE id = ?" },
        { type: "execute", stmt: { sql: "SELECT nope FROM t" } },
        { type: "close" },
      ],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { baton: string | null; results: unknown[] };
    expect(body.baton).toBeNull();
    expect(body.results[0]).toEqual({
      type: "ok",
      response: {
        type: "describe",
        result: {
          params: [{ name: "?1" }, { name: ":v" }],
          cols: [{ name: "value", decltype: "TEXT" }],
          is_explain: false,
          is_readonly: true,
        },
      },
    });
    expect(body.results[1]).toMatchObject({
      response: { result: { is_readonly: false, cols: [] } },
    });
    expect(body.results[2]).toMatchObject({
      type: "error",
      error: { message: expect.stringMatching(/no such column/) },
    });
    expect(body.results[3]).toEqual({ type: "ok", response: { type: "close" } });

    expect((await post({ requests: [] }, "wrong")).status).toBe(401);
    const expired = await post({ baton: "not-a-baton", requests: [{ type: "close" }] });
    expect(expired.status).toBe(400);
    expect(await expired.json()).toMatchObject({ code: "STREAM_EXPIRED" });
    expect(
      (await fetch(`${server.url}/v3-protobuf`, { headers: { authorization: `Bearer ${TOKEN}` } }))
        .status,
    ).toBe(404);
  });

  it.each([
    ["SELECT ?, ?", [null, null]],
    ["SELECT ?3, ?", [null, null, "?3", null]],
    ["SELECT ':x', \"@y\" -- $z\n, $w, /* :q */ @w", ["$w", "@w"]],
  ])("numbers parameters like SQLite: %s", (text, expected) => {
    expect(parameterNames(text)).toEqual(expected);
  });
});
