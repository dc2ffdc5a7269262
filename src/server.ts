/**
 * Node entry: embedded libSQL file DB, migrated on start, demo data seeded when empty,
 * static assets from views/public. Wires dependencies only; the app lives in src/app.ts.
 */
import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { databaseUrlFromEnv, openNodeDb } from "../db/node";
import { createApp } from "./app";
import { nodeClientIp } from "./auth/client-ip";
import { allowedOriginsFromEnv } from "./auth/guard";
import { oidcConfigFromEnv } from "./auth/oidc-config";
import { checkOidc, describeOidcHealth } from "./auth/oidc-health";
import { publicOriginFromEnv } from "./auth/public-origin";
import { stockholmDate } from "./domain/dates";
import { useNodeRuntime } from "./node-runtime";
import { prepareDatabase } from "./services/database";
import { DEMO_PASSWORD, DEMO_USERS, isEmpty, seedDemoData } from "./services/demo/seed";
import { workerThreadRunner } from "./services/imports/node-runner";
import { PENDING_UPLOAD_SWEEP_MS, purgeStalePendingUploads } from "./services/imports/pending";

useNodeRuntime();

async function main(): Promise<void> {
  const url = databaseUrlFromEnv();
  const db = openNodeDb(url, process.env.DATABASE_AUTH_TOKEN);
  await prepareDatabase(db);

  // Demo accounts share a published password: never on their own in production.
  const seedDemo =
    process.env.SEED_DEMO === "1" ||
    (process.env.SEED_DEMO !== "0" && process.env.NODE_ENV !== "production");
  let seeded = false;
  if (seedDemo && (await isEmpty(db))) {
    process.stdout.write("Tom databas – lägger in demodata … ");
    const result = await seedDemoData(db, { today: stockholmDate(new Date()) });
    console.log(
      `${result.people} personer (med dem som slutat), ${result.events} utbildningshändelser.`,
    );
    seeded = true;
  }

  const root = new Hono();
  root.use("/static/*", serveStatic({ root: "./views/public" }));
  const limitMb = Number(process.env.IMPORT_LIMIT_MB);
  const uploadLimitBytes = limitMb > 0 ? Math.round(limitMb * 1024 * 1024) : undefined;
  const oidc = oidcConfigFromEnv(process.env);
  const allowedOrigins = allowedOriginsFromEnv(process.env);
  const app = createApp({
    db,
    uploadLimitBytes,
    oidc,
    allowedOrigins,
    // Imports run in a worker thread with its own connection: the event loop stays free.
    importRunner: workerThreadRunner(url, process.env.DATABASE_AUTH_TOKEN),
    // Behind a reverse proxy set TRUST_PROXY=1 so the client's address comes from the entry
    // that proxy appended to X-Forwarded-For.
    clientIp: (c) =>
      nodeClientIp({
        trustProxy: process.env.TRUST_PROXY === "1",
        forwardedFor: c.req.header("x-forwarded-for"),
        socketAddress: getConnInfo(c).remote.address,
      }),
    publicOrigin: publicOriginFromEnv(process.env),
  });
  // Everything but a static file goes to the app, unknown paths included: its 404 page has the
  // layout and the menu (a mounted sub-app's notFound would never be reached).
  root.all("*", (c) => app.fetch(c.req.raw, c.env));

  // Upload previews nobody confirmed are personal data: gone within the hour.
  setInterval(
    () => void purgeStalePendingUploads(db, new Date()).catch((err) => console.error(err)),
    PENDING_UPLOAD_SWEEP_MS,
  ).unref();

  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOST ?? "127.0.0.1";
  serve({ fetch: root.fetch, port, hostname }, (info) => {
    console.log(
      `Genomförd kör på http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${info.port}/`,
    );
    console.log(`Databas: ${url}`);
    if (oidc) {
      // Checked now so a wrong issuer shows here, not at someone's first click.
      void checkOidc(oidc, new Date()).then((health) => {
        const line = describeOidcHealth(health);
        if (health.status === "ok") console.log(line);
        else console.error(line);
      });
    }
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
