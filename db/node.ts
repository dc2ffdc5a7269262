/** Node-only: the embedded libSQL file database (and any libsql:// or http:// URL). */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { type Client, createClient } from "@libsql/client";
import { createDb, type Db, isEmbeddedFile } from "./client";

export const DEFAULT_DATABASE_URL = "file:./data/genomford.db";

/**
 * How long a write waits for another connection's write lock (an import in the worker
 * thread, a CLI import into the server's file) before it fails with SQLITE_BUSY.
 */
export const BUSY_TIMEOUT_MS = 5000;

export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export interface NodeDbOptions {
  /**
   * One batch job's own connection (the import worker thread, the CLI): a single connection,
   * tuned for large transactions by tuneForBulkWrites. Not for the server's shared client.
   */
  batch?: boolean;
}

export function openNodeDb(url: string, authToken?: string, opts: NodeDbOptions = {}): Db {
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length);
    if (path && path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  }
  // libSQL waits for a busy lock synchronously, inside the native call. In a batch job's own
  // thread or process that is fine. On the server it would stop every other request while
  // an import holds the lock, so there a busy write fails at once and waits asynchronously.
  // (Given to the client, not as a PRAGMA: pragmas are per connection, and the client opens
  // more connections as requests overlap.)
  const client = createClient({
    url,
    ...(authToken ? { authToken } : {}),
    timeout: opts.batch ? BUSY_TIMEOUT_MS : 0,
    ...(opts.batch ? { concurrency: 1 } : {}),
  });
  return createDb(opts.batch ? client : waitingAsynchronously(client));
}

const RETRIED = new Set(["execute", "batch", "transaction", "executeMultiple", "migrate"]);
const isBusy = (err: unknown) => /^SQLITE_BUSY/.test(String((err as { code?: unknown })?.code));

/**
 * The client with every call that may take the write lock retried while it is busy, with
 * pauses of 5 → 100 ms, for up to BUSY_TIMEOUT_MS. Safe to repeat: a busy statement (or
 * batch, or a transaction's BEGIN IMMEDIATE) has written nothing. Statements inside an
 * open transaction are not retried; that transaction already holds the lock.
 */
function waitingAsynchronously(client: Client): Client {
  const retry = async <T>(call: () => Promise<T>): Promise<T> => {
    const deadline = Date.now() + BUSY_TIMEOUT_MS;
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      try {
        return await call();
      } catch (err) {
        if (!isBusy(err) || Date.now() + pause > deadline) throw err;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  };
  return new Proxy(client, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      const bound = value.bind(target) as (...args: unknown[]) => Promise<unknown>;
      return RETRIED.has(String(prop))
        ? (...args: unknown[]) => retry(() => bound(...args))
        : bound;
    },
  });
}

/**
 * For a batch connection on the embedded file (openNodeDb with `batch`): a 64 MiB page cache,
 * so a 48 000-person snapshot's index pages stay in memory instead of spilling mid-transaction,
 * and no checkpoint inside COMMIT — copying the write-ahead log back into the database
 * (≈150 ms after a city-size import) happens in finishBulkWrites, after the write lock is
 * released. Measured on the 48k staff apply: COMMIT 185–230 ms → 40–130 ms. Durability is
 * unchanged (synchronous stays FULL). A remote libSQL server manages its own storage.
 */
export async function tuneForBulkWrites(db: Db): Promise<void> {
  if (!isEmbeddedFile(db)) return;
  await db.$client.execute("PRAGMA cache_size = -65536");
  await db.$client.execute("PRAGMA wal_autocheckpoint = 0");
}

/**
 * Copies the write-ahead log back (without waiting for readers), then closes. A failed
 * checkpoint loses nothing — the log stays and the next checkpoint copies it — so it never
 * turns a job that succeeded into an error.
 */
export async function finishBulkWrites(db: Db): Promise<void> {
  try {
    if (isEmbeddedFile(db)) await db.$client.execute("PRAGMA wal_checkpoint(PASSIVE)");
  } catch {
    // See above: nothing to do.
  } finally {
    db.$client.close();
  }
}
