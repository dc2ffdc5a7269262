/**
 * One real sqld per test file, behind the latency proxy: the Node-side view of what a
 * Worker talks to. `db` uses `@libsql/client/web` (the Worker's client) through the proxy,
 * so `roundTrips()` counts what a use case costs over the network.
 */
import { type Client, createClient } from "@libsql/client/web";
import { createDb, type Db } from "../../../db/client";
import { type SqldServer, startSqld } from "../../../src/ops/sqld";
import { type LatencyProxy, startLatencyProxy } from "../sqld/latency-proxy";

export interface RemoteDb {
  sqld: SqldServer;
  proxy: LatencyProxy;
  /** A new client through the proxy (each is its own connection, like another user). */
  client(): Client;
  /** drizzle over the first client. */
  db: Db;
  /** Pipeline requests through the proxy since the last reset. */
  roundTrips(): number;
  resetRoundTrips(): void;
  stop(): Promise<void>;
}

export async function startRemoteDb(latencyMs = 20): Promise<RemoteDb> {
  const sqld = await startSqld();
  const proxy = await startLatencyProxy(sqld.url, latencyMs).catch(async (error) => {
    await sqld.stop();
    throw error;
  });
  const clients: Client[] = [];
  const client = () => {
    const c = createClient({ url: proxy.url, authToken: sqld.token });
    clients.push(c);
    return c;
  };
  return {
    sqld,
    proxy,
    client,
    db: createDb(client()),
    roundTrips: () => proxy.stats.pipelines,
    resetRoundTrips: () => {
      proxy.stats.pipelines = 0;
      proxy.stats.requests = 0;
      proxy.stats.transactions = [];
    },
    stop: async () => {
      for (const c of clients) c.close();
      await proxy.close();
      await sqld.stop();
    },
  };
}
