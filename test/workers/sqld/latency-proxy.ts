/**
 * A loopback HTTP proxy in front of sqld that waits `latencyMs` before forwarding each
 * request, like the network between a Worker and Turso, and counts the requests: every
 * request is one round trip, so a test can assert how many a use case needs.
 *
 * Control endpoints (never forwarded): GET /__proxy/stats → {requests, pipelines, latencyMs};
 * POST /__proxy/reset (counters to zero); POST /__proxy/latency?ms=N.
 */
import { Agent, createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ProxyStats {
  /** Every forwarded request. */
  requests: number;
  /** Hrana pipeline requests (/v2/pipeline, /v3/pipeline): statements and batches. */
  pipelines: number;
  latencyMs: number;
}

export interface LatencyProxy {
  url: string;
  stats: ProxyStats;
  close(): Promise<void>;
}

function control(path: string, method: string, stats: ProxyStats, url: URL): unknown {
  if (path === "/__proxy/reset" && method === "POST") {
    stats.requests = 0;
    stats.pipelines = 0;
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
  const stats: ProxyStats = { requests: 0, pipelines: 0, latencyMs };
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
    if (/^\/v[23]\/pipeline$/.test(url.pathname)) stats.pipelines++;
    setTimeout(() => {
      const forward = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: upstream.host },
          agent,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on("error", (error) => {
        if (!res.headersSent) res.writeHead(502);
        res.end(`proxy: ${error.message}`);
      });
      req.pipe(forward);
    }, stats.latencyMs);
  });
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
