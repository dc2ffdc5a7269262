/**
 * `npm run deploy:worker [-- WRANGLER_ARGS…]`: migrates the remote database first, then runs
 * `wrangler deploy`. Code must never reach Workers before its migration: the Worker does not
 * migrate per request, and /healthz answers 503 while the schema is older than the code.
 *
 * Needs DATABASE_URL (libsql://… or https://…) and DATABASE_AUTH_TOKEN in the environment —
 * the same values as the Worker's secrets (`wrangler secret put`). `--dry-run` only reports
 * whether the database is up to date and runs `wrangler deploy --dry-run`. WRANGLER_BIN
 * replaces the wrangler script (tests).
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { openNodeDb } from "../../db/node";
import { prepareDatabase } from "../services/database";
import { schemaStatus } from "../services/schema-status";

const WRANGLER = resolve("node_modules/wrangler/bin/wrangler.js");

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(argv: string[]): Promise<number> {
  const url = process.env.DATABASE_URL?.trim();
  const token = process.env.DATABASE_AUTH_TOKEN?.trim();
  if (!url || url.startsWith("file:")) {
    fail(
      "DATABASE_URL saknas eller pekar på en fil. Sätt samma värden som Workers-hemligheterna:\n" +
        "  DATABASE_URL=libsql://genomford-<org>.turso.io DATABASE_AUTH_TOKEN=… npm run deploy:worker",
    );
  }
  const dryRun = argv.includes("--dry-run");
  const db = openNodeDb(url, token);
  try {
    const before = await schemaStatus(db);
    if (dryRun) {
      console.log(before.ok ? `Databasen är aktuell (${before.migration}).` : before.message);
    } else {
      await prepareDatabase(db);
      const after = await schemaStatus(db);
      if (!after.ok) fail(after.message);
      console.log(
        before.ok
          ? `Databasen var redan aktuell (${after.migration}).`
          : `Databasen migrerad: ${before.applied ?? "tom"} → ${after.migration}.`,
      );
    }
  } catch (error) {
    fail(`Kunde inte migrera databasen på ${url}: ${(error as Error).message}`);
  } finally {
    db.$client.close();
  }
  const wrangler = process.env.WRANGLER_BIN ?? WRANGLER;
  const deploy = spawnSync(process.execPath, [wrangler, "deploy", ...argv], { stdio: "inherit" });
  return deploy.status ?? 1;
}

process.exitCode = await main(process.argv.slice(2));
