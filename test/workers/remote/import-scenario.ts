/**
 * The Worker as deployed (wrangler's bundle in workerd) over a real sqld with 20 ms latency,
 * and HR's big staff import through its web pages: upload → preview → confirm, and undo.
 * Used by the concurrent-import test and `npm run bench:workers`; the proxy counts round
 * trips and times the write transactions.
 */

import { openNodeDb } from "../../../db/node";
import { SESSION_COOKIE } from "../../../src/auth/middleware";
import { prepareDatabase } from "../../../src/services/database";
import { DEMO_PASSWORD, seedDemoData } from "../../../src/services/demo/seed";
import { runInWorkerd, type WorkerdRun } from "../limits/workerd-probe";
import { cpuMs, workerdPids } from "../limits/workerd-process";
import type { TransactionStats } from "../sqld/latency-proxy";
import { type RemoteDb, startRemoteDb } from "./remote-db";

export interface Measured {
  res: Response;
  html: string;
  roundTrips: number;
  transactions: TransactionStats[];
  wallMs: number;
}

export interface ImportScenario {
  remote: RemoteDb;
  worker: WorkerdRun;
  /** workerd's pid, for its CPU time. */
  pid: number;
  setLatency(ms: number): void;
  /** Signs in (a real login: scrypt and all); returns a fetch bound to the session. */
  signIn(email: string): Promise<(path: string, init?: RequestInit) => Promise<Response>>;
  /** Runs `work` and reports the round trips and write transactions it caused. */
  measure(work: () => Promise<Response>): Promise<Measured>;
  stop(): Promise<void>;
}

export async function startImportScenario(): Promise<ImportScenario> {
  const remote = await startRemoteDb(0);
  let worker: WorkerdRun | undefined;
  try {
    const db = openNodeDb(remote.sqld.url, remote.sqld.token);
    await prepareDatabase(db);
    // A fixed day before the scenario's snapshots (2026-01-31, 2026-03-31): the seed imports one staff
    // list as of its today, and a snapshot dated before it would be refused.
    await seedDemoData(db, { today: "2025-12-31", size: 20 });
    db.$client.close();
    const before = new Set(workerdPids());
    worker = await runInWorkerd("src/worker.ts", {
      DATABASE_URL: remote.proxy.url,
      DATABASE_AUTH_TOKEN: remote.sqld.token,
    });
    const pid = workerdPids().find((p) => !before.has(p)) ?? 0;
    const run = worker;
    const post = (path: string, init: RequestInit) => {
      const headers = new Headers(init.headers);
      headers.set("sec-fetch-site", "same-origin");
      return run.fetch(path, { ...init, headers });
    };
    return {
      remote,
      worker: run,
      pid,
      setLatency: (ms) => {
        remote.proxy.stats.latencyMs = ms;
      },
      signIn: async (email) => {
        const res = await post("/login", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ email, password: DEMO_PASSWORD }).toString(),
        });
        const token = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(
          res.headers.get("set-cookie") ?? "",
        )?.[1];
        if (!token) throw new Error(`login of ${email} failed: ${res.status}`);
        return (path, init = {}) => {
          const headers = new Headers(init.headers);
          headers.set("cookie", `${SESSION_COOKIE}=${token}`);
          return post(path, { ...init, headers });
        };
      },
      measure: async (work) => {
        remote.resetRoundTrips();
        const t0 = Date.now();
        const res = await work();
        const html = await res.text();
        return {
          res,
          html,
          wallMs: Date.now() - t0,
          roundTrips: remote.roundTrips(),
          transactions: [...remote.proxy.stats.transactions],
        };
      },
      stop: async () => {
        await run.dispose();
        await remote.stop();
      },
    };
  } catch (error) {
    await worker?.dispose();
    await remote.stop();
    throw error;
  }
}

/** A multipart upload as a browser sends it, encoded here (Miniflare has its own FormData). */
export async function uploadForm(
  kind: string,
  name: string,
  bytes: Uint8Array,
  asOf: string,
): Promise<RequestInit> {
  const form = new FormData();
  form.set("kind", kind);
  form.set("asOf", asOf);
  form.set("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
  const encoded = new Response(form);
  return {
    method: "POST",
    headers: { "content-type": encoded.headers.get("content-type")! },
    body: new Uint8Array(await encoded.arrayBuffer()),
  };
}

export function confirmForm(html: string): RequestInit {
  const pending = /name="pending" value="([0-9a-f]{32})"/.exec(html)?.[1];
  if (!pending) throw new Error(`no pending upload in the preview:\n${html.slice(0, 2000)}`);
  return {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ pending }).toString(),
  };
}

export { cpuMs };
