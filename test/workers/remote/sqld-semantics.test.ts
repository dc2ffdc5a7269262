/**
 * What the app relies on from a real libSQL server (sqld 0.24.32), checked from Node with
 * the Worker's own client (`@libsql/client/web`) through the 20 ms latency proxy. These are
 * the behaviours the retired Hrana fixture got wrong: reads are not blocked by a writer, a
 * write transaction held ~5 s while another writer waits is aborted (TRANSACTION_TIMEOUT),
 * and the error codes are sqld's.
 */
import { LibsqlError } from "@libsql/client";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openNodeDb } from "../../../db/node";
import { courses, people } from "../../../db/schema";
import { prepareDatabase } from "../../../src/services/database";
import { type RemoteDb, startRemoteDb } from "./remote-db";

describe("real sqld over HTTP", () => {
  let remote: RemoteDb;
  beforeAll(async () => {
    remote = await startRemoteDb(20);
  });
  afterAll(async () => {
    await remote?.stop();
  });

  it("migrates a remote database the way `cli db migrate` does (Node client over HTTP)", async () => {
    const db = openNodeDb(remote.proxy.url, remote.sqld.token);
    await prepareDatabase(db);
    await prepareDatabase(db); // a second run finds nothing to do
    db.$client.close();
    remote.resetRoundTrips();
    const rows = await remote.db.select().from(courses).orderBy(courses.id);
    expect(rows.map((c) => c.id)).toEqual(["otillaten-paverkan", "vbe-fordjupning", "vbe-webb"]);
    expect(remote.roundTrips()).toBe(1); // one SELECT = one request through the proxy
    const fk = await remote.client().execute("PRAGMA foreign_keys");
    expect(fk.rows[0]?.foreign_keys).toBe(1); // sqld enforces foreign keys on every connection
  });

  it("refuses a wrong token with 401, like Turso", async () => {
    const res = await fetch(`${remote.proxy.url}/v2/pipeline`, {
      method: "POST",
      headers: { authorization: "Bearer wrong", "content-type": "application/json" },
      body: JSON.stringify({ requests: [{ type: "close" }] }),
    });
    expect(res.status).toBe(401);
  });

  it("commits or rolls back an interactive drizzle transaction as a whole", async () => {
    const other = remote.client();
    await remote.db.transaction(async (tx) => {
      await tx.insert(people).values({ employeeNo: "T-1", firstName: "Tove", lastName: "Test" });
      expect(await tx.select().from(people).where(eq(people.employeeNo, "T-1"))).toHaveLength(1);
    });
    const seen = await other.execute("SELECT first_name FROM people WHERE employee_no = 'T-1'");
    expect(seen.rows[0]?.first_name).toBe("Tove");
    await expect(
      remote.db.transaction(async (tx) => {
        await tx.insert(people).values({ employeeNo: "T-2", firstName: "Ture", lastName: "Test" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    const gone = await other.execute("SELECT COUNT(*) AS n FROM people WHERE employee_no = 'T-2'");
    expect(gone.rows[0]?.n).toBe(0);
  });

  it("lets readers read the last committed state while a write transaction is open", async () => {
    const writer = remote.client();
    const reader = remote.client();
    const tx = await writer.transaction("write");
    await tx.execute(
      "INSERT INTO people (employee_no, first_name, last_name) VALUES ('T-3', 'A', 'B')",
    );
    const read = await reader.execute("SELECT COUNT(*) AS n FROM people WHERE employee_no = 'T-3'");
    expect(read.rows[0]?.n).toBe(0); // not blocked, and not dirty
    await tx.commit();
    const after = await reader.execute(
      "SELECT COUNT(*) AS n FROM people WHERE employee_no = 'T-3'",
    );
    expect(after.rows[0]?.n).toBe(1);
  });

  it("aborts a write transaction held ~5 s while another writer waits (TRANSACTION_TIMEOUT)", async () => {
    const slow = remote.client();
    const colleague = remote.client();
    const tx = await slow.transaction("write");
    await tx.execute(
      "INSERT INTO people (employee_no, first_name, last_name) VALUES ('T-4', 'A', 'B')",
    );
    const started = Date.now();
    // A colleague signs in meanwhile: their write waits for the lock, then gets it.
    await colleague.execute(
      "INSERT INTO people (employee_no, first_name, last_name) VALUES ('T-5', 'C', 'D')",
    );
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThan(3_000); // sqld let the writer wait for the lock, then stole it
    const error = await tx
      .execute("INSERT INTO people (employee_no, first_name, last_name) VALUES ('T-6', 'E', 'F')")
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(LibsqlError);
    expect((error as LibsqlError).code).toBe("TRANSACTION_TIMEOUT");
    // The transaction is gone on the server: commit says so, rollback is harmless.
    await expect(tx.commit()).rejects.toThrow(/no transaction is active/);
    const rows = await colleague.execute(
      "SELECT employee_no FROM people WHERE employee_no IN ('T-4', 'T-5', 'T-6') ORDER BY 1",
    );
    expect(rows.rows.map((r) => r.employee_no)).toEqual(["T-5"]); // nothing of the aborted one
  });
});
