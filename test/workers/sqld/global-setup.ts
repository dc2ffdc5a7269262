/**
 * vitest globalSetup for `npm run test:workers` (runs in Node): starts a real sqld on a free
 * loopback port with a 20 ms latency proxy in front, migrates and seeds it over HTTP (as
 * `cli db migrate` would), and hands the proxy's URL, the token and the Node-computed
 * coverage figures to the workerd tests. Teardown stops both; sqld's process group is ours.
 */
import { sql } from "drizzle-orm";
import type { TestProject } from "vitest/node";
import type { Db } from "../../../db/client";
import { openNodeDb } from "../../../db/node";
import { users } from "../../../db/schema";
import { useNodeScrypt } from "../../../src/auth/node-scrypt";
import { hashPassword } from "../../../src/auth/password";
import { ALL_UNITS } from "../../../src/auth/scope";
import { formatSwedishDate, stockholmDate } from "../../../src/domain/dates";
import { startSqld } from "../../../src/ops/sqld";
import { getCoverage } from "../../../src/services/coverage";
import { prepareDatabase } from "../../../src/services/database";
import { DEMO_PASSWORD, seedDemoData } from "../../../src/services/demo/seed";
import { formatCount, formatPercent } from "../../../views/format";
import { OLD_HASH_EMAIL } from "./demo-accounts";
import { startLatencyProxy } from "./latency-proxy";

export const TEST_LATENCY_MS = 20;

interface DemoFacts {
  /** Coverage of the demo data today, as Node computes it from the same database. */
  expectedCoverage: { asOfLabel: string; figures: string[]; firstDepartment: string };
  /** Someone employed today who has not started the mandatory course, for the import test. */
  notStarted: { employeeNo: string; email: string; name: string; asOf: string };
  /** "Påbörjat eller genomfört" after that person completes, formatted as the page shows it. */
  reachedAfterImport: string;
}

declare module "vitest" {
  export interface ProvidedContext extends DemoFacts {
    /** The latency proxy in front of sqld: what the Worker's DATABASE_URL is. */
    databaseUrl: string;
    databaseToken: string;
    /** sqld itself, without latency (setup work inside a test). */
    sqldUrl: string;
    /** A second sqld (behind its own proxy) with a tiny demo organisation, for import tests. */
    importsDb: { url: string; token: string; proxyUrl: string };
  }
}

async function seedAndMeasure(db: Db): Promise<DemoFacts> {
  await prepareDatabase(db);
  const asOf = stockholmDate(new Date());
  await seedDemoData(db, { today: asOf });
  // An account hashed with the parameters used before N=2^14, p=6: rewritten at its next sign-in.
  await db.insert(users).values({
    email: OLD_HASH_EMAIL,
    name: "Gammal Hash",
    role: "hr",
    passwordHash: await hashPassword(DEMO_PASSWORD, { N: 2 ** 15, r: 8, p: 3 }),
  });
  const coverage = await getCoverage(db, ALL_UNITS, { asOf });
  const [notStarted] = await db.all<{ employee_no: string; email: string; name: string }>(sql`
    SELECT p.employee_no, p.email, p.first_name || ' ' || p.last_name AS name
    FROM people p JOIN employments e ON e.person_id = p.id
    WHERE e.valid_from <= ${asOf} AND (e.valid_to IS NULL OR e.valid_to >= ${asOf})
      AND NOT EXISTS (SELECT 1 FROM completions c WHERE c.person_id = p.id AND c.course_id = 'vbe-webb')
    ORDER BY p.id LIMIT 1`);
  if (!notStarted) throw new Error("demo data has nobody left to take the course");
  return {
    // Formatted in Node, so the workerd test also catches ICU/locale differences.
    expectedCoverage: {
      asOfLabel: formatSwedishDate(asOf),
      figures: [
        formatCount(coverage.headcount),
        formatCount(coverage.reached),
        formatCount(coverage.completed),
        formatPercent(coverage.percentReached),
      ],
      firstDepartment: coverage.children[0]?.unit.name ?? "",
    },
    notStarted: {
      employeeNo: notStarted.employee_no,
      email: notStarted.email,
      name: notStarted.name,
      asOf,
    },
    reachedAfterImport: formatCount(coverage.reached + 1),
  };
}

type Stop = () => Promise<void>;

/** sqld + latency proxy; `stops` gets what to undo, in the order to undo it. */
async function startServer(stops: Stop[]) {
  const sqld = await startSqld();
  stops.unshift(() => sqld.stop());
  const proxy = await startLatencyProxy(sqld.url, TEST_LATENCY_MS);
  stops.unshift(() => proxy.close());
  return { sqld, proxy };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stops: Stop[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0)) await stop();
  };
  try {
    const { sqld, proxy } = await startServer(stops);
    // Seeding hashes the demo password once; node:crypto gives the same bytes, faster.
    useNodeScrypt();
    const db = openNodeDb(sqld.url, sqld.token);
    const facts = await seedAndMeasure(db);
    db.$client.close();
    project.provide("databaseUrl", proxy.url);
    project.provide("databaseToken", sqld.token);
    project.provide("sqldUrl", sqld.url);
    project.provide("expectedCoverage", facts.expectedCoverage);
    project.provide("notStarted", facts.notStarted);
    project.provide("reachedAfterImport", facts.reachedAfterImport);

    const imports = await startServer(stops);
    const small = openNodeDb(imports.sqld.url, imports.sqld.token);
    await prepareDatabase(small);
    await seedDemoData(small, { today: stockholmDate(new Date()), size: 20 });
    small.$client.close();
    project.provide("importsDb", {
      url: imports.sqld.url,
      token: imports.sqld.token,
      proxyUrl: imports.proxy.url,
    });
  } catch (error) {
    await stopAll();
    throw error;
  }
  return stopAll;
}
