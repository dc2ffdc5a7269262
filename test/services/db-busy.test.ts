/** Which errors mean "the database was busy, nothing was written, try again". */
import { LibsqlError } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { isDatabaseBusy } from "../../src/services/db-busy";

const libsql = (code: string, message = code) => new LibsqlError(message, code);

describe("isDatabaseBusy", () => {
  it.each([
    ["sqld took the lock away", libsql("TRANSACTION_TIMEOUT"), true],
    ["SQLite busy", libsql("SQLITE_BUSY", "database is locked"), true],
    ["extended busy code", libsql("SQLITE_BUSY_SNAPSHOT"), true],
    [
      "the rollback after an abort",
      libsql("SQLITE_UNKNOWN", "cannot rollback - no transaction is active"),
      true,
    ],
    [
      "wrapped by drizzle",
      new Error("Failed query: INSERT …", { cause: libsql("TRANSACTION_TIMEOUT") }),
      true,
    ],
    ["a constraint violation", libsql("SQLITE_CONSTRAINT", "UNIQUE constraint failed"), false],
    ["a bug", new TypeError("x is undefined"), false],
    ["not an error", "TRANSACTION", false],
  ])("%s → %s", (_what, error, expected) => {
    expect(isDatabaseBusy(error)).toBe(expected);
  });
});
