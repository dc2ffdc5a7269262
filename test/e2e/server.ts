/**
 * Starts the real Node entry (`src/server.ts`) on a free loopback port with a fresh file DB,
 * the way `npm start` does, and stops it afterwards. Node is started directly (tsx as a
 * loader, no npx in between) in a process group the test owns: stop() ends the whole tree.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type OwnedProcess, sleep, spawnOwned } from "../helpers/process";

export interface RunningServer {
  baseUrl: string;
  /** The server's process (group leader), for tests that check nothing survives. */
  process: OwnedProcess;
  /** Everything the server printed so far (stdout and stderr). */
  output: () => string;
  stop: () => Promise<void>;
}

/** Seeding the demo organisation on a busy 2-core machine can take a while. */
const START_TIMEOUT_MS = 90_000;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/** `port` and extra `env` for tests that must know the address first (SSO redirect URIs). */
export async function startServer(
  opts: { seedDemo?: boolean; port?: number; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), "genomford-e2e-"));
  const port = opts.port ?? (await freePort());
  const proc = spawnOwned(process.execPath, ["--import", "tsx", "src/server.ts"], {
    env: {
      ...process.env,
      ...opts.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${join(dir, "e2e.db")}`,
      SEED_DEMO: opts.seedDemo === false ? "0" : "1",
    },
  });
  const stop = async () => {
    await proc.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!proc.output().includes("Genomförd kör på")) {
    if (proc.child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`server did not start:\n${proc.output()}`);
    }
    await sleep(100);
  }
  return { baseUrl: `http://127.0.0.1:${port}`, process: proc, output: proc.output, stop };
}
