/** Node-only: the embedded libSQL file database (and any libsql:// or http:// URL). */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createClient } from "@libsql/client";
import { createDb, type Db } from "./client";

export const DEFAULT_DATABASE_URL = "file:./data/genomford.db";

export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function openNodeDb(url: string, authToken?: string): Db {
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length);
    if (path && path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  }
  const client = createClient({ url, ...(authToken ? { authToken } : {}) });
  return createDb(client);
}
