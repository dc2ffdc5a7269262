/**
 * A loopback HTTP proxy in front of sqld that waits `latencyMs` before forwarding each
 * request, like the network between a Worker and Turso, and counts the requests: every
 * request is one round trip, so a test can assert how many a use case needs. It also reads
 * the Hrana pipelines to time write transactions (BEGIN … COMMIT/ROLLBACK, followed across
 * batons) and count their round trips.
 *
 * Control endpoints (never forwarded): GET /__proxy/stats; POST /__proxy/reset (counters to
 * zero); POST /__proxy/latency?ms=N.
 */
import { Agent, createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface TransactionStats {
  /** Date.now() when BEGIN arrived. */
  startedAt: number;
  /** From the request with BEGIN to the response to COMMIT/ROLLBACK, in ms. */
  ms: number;
  roundTrips: number;
  /** Round trips that carried an INSERT, UPDATE or DELETE. */
  writes: number;
  outcome: "commit" | "rollback" | "open";
}

export interface ProxyStats {
  /** Every forwarded request. */
  requests: number;
  /** Hrana pipeline requests (/v2/pipeline, /v3/pipeline): statements and batches. */
  pipelines: number;
  latencyMs: number;
  transactions: TransactionStats[];
  /**
   * Once: hold the COMMIT of a transaction that has written for this many ms, as a slow
   * network or a busy Worker would — sqld then gives the lock to a writer that waits.
   */
  stallWriterMs: number;
  /** True while that COMMIT is held. */
  stalling: boolean;
}

export interface LatencyProxy {
  url: string;
  stats: ProxyStats;
  close(): Promise<void>;
}

interface OpenTx {
  stats: TransactionStats;
  started: number;
}

/** Every SQL text in a pipeline request body. */
function statementsOf(body: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown) => {
    if (!v || typeof v !== "object") return;
    if (Array.isArray(v)) return v.forEach(visit);
    for (const [k, x] of Object.entries(v)) {
      if (k === "sql" && typeof x === "string") out.push(x);
      else visit(x);
    }
  };
  visit((body as { requests?: unknown })?.requests);
  return out;
}

function control(path: string, method: string, stats: ProxyStats, url: URL): unknown {
  if (path === "/__proxy/reset" && method === "POST") {
    stats.requests = 0;
    stats.pipelines = 0;
    stats.transactions = [];
  } else if (path === "/__proxy/latency" && method === "POST") {
    const ms = Number(url.searchParams.get("ms"));
    if (!Number.isFinite(ms) || ms < 0) throw new Error("ms must be a number ≥ 0");
    stats.latencyMs = ms;
  }
  return { ...stats };
}

export async function startLatencyProxy(target: string, latencyMs = 20): Promise<LatencyProxy> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const stats: ProxyStats = {
    requests: 0,
    pipelines: 0,
    latencyMs,
    transactions: [],
    stallWriterMs: 0,
    stalling: false,
  };
  const byBaton = new Map<string, OpenTx>();

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://proxy");
    if (url.pathname.startsWith("/__proxy/")) {
      try {
        const body = JSON.stringify(control(url.pathname, req.method ?? "GET", stats, url));
        res.writeHead(200, { "content-type": "application/json" }).end(body);
      } catch (error) {
        res.writeHead(400).end(String(error));
      }
      return;
    }
    stats.requests++;
    const pipeline = /^\/v[23]\/pipeline$/.test(url.pathname);
    if (pipeline) stats.pipelines++;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      let tx: OpenTx | undefined;
      let ends: TransactionStats["outcome"] | null = null;
      let stall = 0;
      if (pipeline) {
        try {
          const parsed = JSON.parse(body.toString("utf8")) as { baton?: string | null };
          const sqls = statementsOf(parsed);
          tx = parsed.baton ? byBaton.get(parsed.baton) : undefined;
          if (parsed.baton) byBaton.delete(parsed.baton);
          if (!tx && sqls.some((s) => /^\s*BEGIN\b/i.test(s))) {
            const started = Date.now();
            tx = {
              started,
              stats: { startedAt: started, ms: 0, roundTrips: 0, writes: 0, outcome: "open" },
            };
            stats.transactions.push(tx.stats);
          }
          if (tx) tx.stats.roundTrips++;
          if (tx && sqls.some((q) => /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(q))) {
            tx.stats.writes++;
          }
          if (sqls.some((s) => /^\s*(COMMIT|END)\b/i.test(s))) ends = "commit";
          if (sqls.some((s) => /^\s*ROLLBACK\b/i.test(s))) ends = "rollback";
          if (ends === "commit" && tx && tx.stats.writes > 0 && stats.stallWriterMs > 0) {
            stall = stats.stallWriterMs;
            stats.stallWriterMs = 0;
            stats.stalling = true;
            setTimeout(() => {
              stats.stalling = false;
            }, stall);
          }
        } catch {
          // not JSON: forwarded untouched
        }
      }
      setTimeout(() => forward(body, tx, ends), stats.latencyMs + stall);
    });

    function forward(
      body: Buffer,
      tx: OpenTx | undefined,
      ends: TransactionStats["outcome"] | null,
    ) {
      const upstreamReq = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: upstream.host, "content-length": body.length },
          agent,
        },
        (answer) => {
          const out: Buffer[] = [];
          answer.on("data", (c: Buffer) => out.push(c));
          answer.on("end", () => {
            const text = Buffer.concat(out);
            if (tx) {
              tx.stats.ms = Date.now() - tx.started;
              if (ends) tx.stats.outcome = ends;
              else {
                try {
                  const baton = (JSON.parse(text.toString("utf8")) as { baton?: string }).baton;
                  if (baton) byBaton.set(baton, tx);
                } catch {
                  // an error page: the stream is gone
                }
              }
            }
            const headers = { ...answer.headers, "content-length": String(text.length) };
            delete headers["transfer-encoding"];
            res.writeHead(answer.statusCode ?? 502, headers).end(text);
          });
        },
      );
      upstreamReq.on("error", (error) => {
        if (!res.headersSent) res.writeHead(502);
        res.end(`proxy: ${error.message}`);
      });
      upstreamReq.end(body);
    }
  });
  // Node closes idle keep-alive connections after 5 s; workerd may reuse one just then and
  // see "Network connection lost" while the Worker parses a big file. Keep them open.
  server.keepAliveTimeout = 10 * 60_000;
  server.headersTimeout = 10 * 60_000 + 1_000;
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      agent.destroy();
    },
  };
}
