/**
 * Runtime-free database handle. Entries create the libSQL client for their runtime
 * (embedded file on Node, HTTP on Workers) and wrap it here, so app code sees one type.
 */
import type { Client } from "@libsql/client";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
// The /web variant only differs in which createClient it would use for a URL; we always
// pass a ready client, and this import keeps the Node-only driver out of the Worker bundle.
import { drizzle } from "drizzle-orm/libsql/web";
import * as schema from "./schema";

export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

export function createDb(client: Client): Db {
  return drizzle(client, { schema }) as Db;
}

/**
 * The embedded libSQL file (not a libSQL server over HTTP): only there do journal and
 * checkpoint pragmas apply; a server manages its own storage.
 */
export function isEmbeddedFile(db: Db): boolean {
  return (db.$client as { protocol?: string }).protocol === "file";
}

/** A transaction handle; services that may run inside an import transaction accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;
