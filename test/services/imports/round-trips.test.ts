/**
 * Round trips per import: on a remote libSQL each one costs ≈20 ms, so an import must cost
 * the same number whatever the size of the file (set-based writes, bulk matching, the undo
 * log written the same way). Counted with a wrapper around the libSQL client.
 */
import type { Client, Transaction } from "@libsql/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { completionsCsv, STAFF_HEADER, staffRows } from "../../../bench/city-files";
import { createDb, type Db } from "../../../db/client";
import { importCompletions } from "../../../src/services/imports/completions";
import { importStaff } from "../../../src/services/imports/staff";
import { undoLatestImport } from "../../../src/services/imports/undo";
import { createTestDb, type TestDb } from "../../helpers/db";
import { expectNoEmploymentsEndingBeforeStart } from "../../helpers/import-invariants";

/** A client that counts every request it would send to the server. */
function countingDb(client: Client): { db: Db; trips: () => number } {
  let n = 0;
  const countTx = (tx: Transaction): Transaction =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== "function") return value;
        if (["execute", "batch", "executeMultiple", "commit", "rollback"].includes(String(prop)))
          return (...args: unknown[]) => {
            n++;
            return value.apply(target, args);
          };
        return value.bind(target);
      },
    });
  const counted = new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      if (prop === "transaction")
        return async (...args: unknown[]) => {
          n++; // BEGIN
          return countTx(await value.apply(target, args));
        };
      if (["execute", "batch", "executeMultiple"].includes(String(prop)))
        return (...args: unknown[]) => {
          n++;
          return value.apply(target, args);
        };
      return value.bind(target);
    },
  });
  return { db: createDb(counted), trips: () => n };
}

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await expectNoEmploymentsEndingBeforeStart(t.db);
  t.cleanup();
});

const staffFile = (n: number, offset = 0) => {
  const rows = staffRows(n + offset, 40).slice(offset);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([STAFF_HEADER, ...rows]), "P");
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }));
};

async function tripsFor(work: (db: Db) => Promise<unknown>): Promise<number> {
  const { db, trips } = countingDb(t.db.$client);
  await work(db);
  return trips();
}

describe("round trips do not grow with the file", () => {
  it("staff import, a changed snapshot, a course export and undo: the same count at 200 and 2000 rows", async () => {
    const scenario = async (n: number) => {
      const counts: number[] = [];
      const staff = (bytes: Uint8Array, asOf: string) => (db: Db) =>
        importStaff(db, { bytes, fileName: "p.xlsx", asOf, dryRun: false, userId: null });
      counts.push(await tripsFor(staff(staffFile(n), "2025-12-31")));
      // Half stay, half leave, as many new: closes, opens and new people in one import.
      counts.push(await tripsFor(staff(staffFile(n, n / 2), "2026-03-31")));
      counts.push(
        await tripsFor((db) =>
          importCompletions(db, {
            bytes: completionsCsv(n * 3, n),
            fileName: "e.csv",
            dryRun: false,
            userId: null,
          }),
        ),
      );
      counts.push(await tripsFor((db) => undoLatestImport(db, "completions", { userId: null })));
      counts.push(await tripsFor((db) => undoLatestImport(db, "staff", { userId: null })));
      return counts;
    };
    const small = await scenario(200);
    t.cleanup();
    t = await createTestDb();
    const large = await scenario(2000);
    expect(large).toEqual(small);
    // And few: a remote database pays ≈20 ms for each.
    for (const n of large) expect(n).toBeLessThan(40);
    expect(Math.min(...large)).toBeGreaterThan(3);
  }, 120_000);
});
