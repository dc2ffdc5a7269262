/**
 * Node entry: embedded libSQL file DB, migrated on start, demo data seeded when empty,
 * static assets from views/public. Wires dependencies only; the app lives in src/app.ts.
 */
import { scrypt as nodeScrypt } from "node:crypto";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { migrateDb } from "../db/migrate";
import { databaseUrlFromEnv, openNodeDb } from "../db/node";
import { DEMO_PASSWORD, DEMO_USERS, isEmpty, seedDemoData } from "../db/seed";
import { createApp } from "./app";
import { useScryptImplementation } from "./auth/password";
import { stockholmDate } from "./domain/dates";

// node:crypto's scrypt gives the same bytes as @noble/hashes, several times faster.
useScryptImplementation(
  (password, salt, { N, r, p, dkLen }) =>
    new Promise((resolve, reject) =>
      nodeScrypt(password, salt, dkLen, { N, r, p, maxmem: 256 * N * r }, (err, key) =>
        err ? reject(err) : resolve(new Uint8Array(key)),
      ),
    ),
);

async function main(): Promise<void> {
  const url = databaseUrlFromEnv();
  const db = openNodeDb(url, process.env.DATABASE_AUTH_TOKEN);
  await migrateDb(db);

  const seedDemo = process.env.SEED_DEMO !== "0";
  let seeded = false;
  if (seedDemo && (await isEmpty(db))) {
    process.stdout.write("Tom databas – lägger in demodata … ");
    const result = await seedDemoData(db, { today: stockholmDate(new Date()) });
    console.log(`${result.people} anställda, ${result.events} utbildningshändelser.`);
    seeded = true;
  }

  const root = new Hono();
  root.use("/static/*", serveStatic({ root: "./views/public" }));
  const limitMb = Number(process.env.IMPORT_LIMIT_MB);
  const uploadLimitBytes = limitMb > 0 ? Math.round(limitMb * 1024 * 1024) : undefined;
  root.route("/", createApp({ db, uploadLimitBytes }));

  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOST ?? "127.0.0.1";
  serve({ fetch: root.fetch, port, hostname }, (info) => {
    console.log(
      `Genomförd kör på http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${info.port}/`,
    );
    console.log(`Databas: ${url}`);
    if (seeded || seedDemo) {
      console.log(`Demoinloggningar (lösenord "${DEMO_PASSWORD}"):`);
      for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(8)} ${u.email}`);
    }
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
