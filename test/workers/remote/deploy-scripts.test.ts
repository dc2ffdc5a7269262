/**
 * `npm run deploy:worker` migrates the remote database before `wrangler deploy` (a fake
 * wrangler records when it ran and what the schema was then), and refuses to deploy when it
 * cannot migrate. `npm run dev:worker` brings up sqld + wrangler dev in one command, and
 * Ctrl-C leaves no process behind.
 */
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openNodeDb } from "../../../db/node";
import {
  ownProcessGroup,
  processGroupAlive,
  stopProcessGroup,
} from "../../../src/ops/process-group";
import { freePort } from "../../../src/ops/sqld";
import { expectedMigration, schemaStatus } from "../../../src/services/schema-status";
import { type RemoteDb, startRemoteDb } from "./remote-db";

const run = promisify(execFile);
const TSX = join("node_modules", ".bin", "tsx");

describe("deploy:worker", () => {
  let remote: RemoteDb;
  let dir: string;
  let fakeWrangler: string;
  beforeAll(async () => {
    remote = await startRemoteDb(0);
    dir = mkdtempSync(join(tmpdir(), "genomford-deploy-"));
    fakeWrangler = join(dir, "wrangler.mjs");
    // Records its arguments and the schema it found: deploy must come after the migration.
    writeFileSync(
      fakeWrangler,
      `import { writeFileSync } from "node:fs";
const res = await fetch(process.env.DATABASE_URL + "/v2/pipeline", {
  method: "POST",
  headers: { authorization: "Bearer " + process.env.DATABASE_AUTH_TOKEN },
  body: JSON.stringify({ requests: [{ type: "execute", stmt: { sql: "SELECT COUNT(*) FROM __drizzle_migrations" } }, { type: "close" }] }),
});
const body = await res.json();
writeFileSync(${JSON.stringify(join(dir, "called.json"))}, JSON.stringify({ args: process.argv.slice(2), migrations: body.results[0].response.result.rows[0][0].value }));
`,
    );
  });
  afterAll(async () => {
    await remote?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const deploy = (env: Record<string, string>, args: string[] = []) =>
    run(TSX, ["src/ops/deploy-worker.ts", ...args], {
      env: { ...process.env, WRANGLER_BIN: fakeWrangler, ...env },
    });

  it("refuses to deploy when it cannot migrate (wrong token): wrangler never runs", async () => {
    const failed = await deploy({
      DATABASE_URL: remote.sqld.url,
      DATABASE_AUTH_TOKEN: "wrong",
    }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain("Kunde inte migrera databasen");
    expect(() => readFileSync(join(dir, "called.json"))).toThrow();
  });

  it("migrates an empty remote database, then runs wrangler deploy with the extra arguments", async () => {
    const env = { DATABASE_URL: remote.sqld.url, DATABASE_AUTH_TOKEN: remote.sqld.token };
    const { stdout } = await deploy(env, ["--minify"]);
    expect(stdout).toContain(`Databasen migrerad: tom → ${expectedMigration().tag}.`);
    const called = JSON.parse(readFileSync(join(dir, "called.json"), "utf8"));
    expect(called.args).toEqual(["deploy", "--minify"]);
    expect(Number(called.migrations)).toBeGreaterThan(0); // migrated before wrangler ran
    const db = openNodeDb(remote.sqld.url, remote.sqld.token);
    expect(await schemaStatus(db)).toEqual({ ok: true, migration: expectedMigration().tag });
    db.$client.close();
    const again = await deploy(env);
    expect(again.stdout).toContain("Databasen var redan aktuell");
  });
});

describe("dev:worker", () => {
  it("serves the Worker on a local sqld in one command; Ctrl-C stops everything", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "genomford-dev-"));
    const [sqldPort, port] = [await freePort(), await freePort()];
    const child = spawn(TSX, ["src/ops/dev-worker.ts"], {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        SQLD_PORT: String(sqldPort),
        PORT: String(port),
        SQLD_DATA_DIR: dataDir,
        SEED_DEMO: "0",
      },
    });
    ownProcessGroup(child);
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    try {
      let health: Response | undefined;
      for (let i = 0; i < 240 && !health; i++) {
        await new Promise((r) => setTimeout(r, 500));
        health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
      }
      expect(health?.status, output).toBe(200);
      expect(await health!.json()).toEqual({ ok: true, migration: expectedMigration().tag });
      expect(output).toContain(`sqld: http://127.0.0.1:${sqldPort}`);
      const login = await fetch(`http://127.0.0.1:${port}/login`);
      expect(await login.text()).toContain('action="/login"');
      // Ctrl-C: the terminal signals the foreground group, dev:worker stops sqld and wrangler.
      process.kill(-child.pid!, "SIGINT");
      await new Promise((r) => child.once("exit", r));
      await expect(fetch(`http://127.0.0.1:${sqldPort}/health`)).rejects.toThrow();
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    } finally {
      await stopProcessGroup(child, 2_000);
      rmSync(dataDir, { recursive: true, force: true });
    }
    expect(processGroupAlive(child.pid!)).toBe(false);
  });
});
