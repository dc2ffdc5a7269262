/**
 * A write that lost the database lock: sqld aborts a write transaction held ~5 s while
 * another writer waits (TRANSACTION_TIMEOUT), SQLite answers SQLITE_BUSY when the lock is
 * not free in time, and the rollback after such an abort finds no transaction. Nothing was
 * written; trying again is the right answer for the user, not a 500.
 */
const BUSY_CODES = /^(TRANSACTION_TIMEOUT|SQLITE_BUSY\w*|SQLITE_LOCKED\w*)$/;
const BUSY_MESSAGES = /TRANSACTION_TIMEOUT|database is locked|no transaction is active/i;

export const DATABASE_BUSY_MESSAGE =
  "Databasen var upptagen av någon annan som sparade samtidigt, så inget sparades. Försök igen om en stund.";

/** True for a lost-lock error, also when wrapped (drizzle puts the driver's error in `cause`). */
export function isDatabaseBusy(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && BUSY_CODES.test(code)) return true;
    if (typeof message === "string" && BUSY_MESSAGES.test(message)) return true;
    e = cause;
  }
  return false;
}
