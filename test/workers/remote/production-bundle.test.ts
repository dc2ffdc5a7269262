/**
 * The Worker as deployed: src/worker.ts bundled by wrangler itself, run in plain workerd
 * (Miniflare) with wrangler.toml's compatibility settings and [assets], talking libSQL over
 * HTTP to a real sqld behind the 20 ms latency proxy. Complements the vitest-pool-workers suite (test:workers), which
 * runs the module through vite rather than wrangler's bundle and cannot serve [assets].
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openNodeDb } from "../../../db/node";
import { prepareDatabase } from "../../../src/services/database";
import { DEMO_PASSWORD, seedDemoData } from "../../../src/services/demo/seed";
import { BUDGETS } from "../limits/budgets";
import { runInWorkerd, type WorkerdRun } from "../limits/workerd-probe";
import { cpuMs, workerdPids } from "../limits/workerd-process";
import { type RemoteDb, startRemoteDb } from "./remote-db";

describe("the production Worker bundle in workerd, over HTTP to libSQL", () => {
  let remote: RemoteDb;
  let worker: WorkerdRun;
  let pid: number;
  beforeAll(async () => {
    remote = await startRemoteDb(20);
    const db = openNodeDb(remote.sqld.url, remote.sqld.token);
    await prepareDatabase(db);
    await seedDemoData(db, { today: "2026-11-25", size: 60 });
    db.$client.close();
    worker = await runInWorkerd(
      "src/worker.ts",
      { DATABASE_URL: remote.proxy.url, DATABASE_AUTH_TOKEN: remote.sqld.token },
      { withAssets: true },
    );
    pid = workerdPids().at(-1)!;
  });
  afterAll(async () => {
    await worker?.dispose();
    await remote?.stop();
  });

  it("logs in within the login budget (CPU time of workerd), end to end", async () => {
    const times: number[] = [];
    const roundTrips: number[] = [];
    for (let i = 0; i < 3; i++) {
      remote.resetRoundTrips();
      const c0 = cpuMs(pid);
      const res = await worker.fetch("/login", {
        method: "POST",
        // Same-origin form post: the app refuses non-GET requests from other origins (CSRF).
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "sec-fetch-site": "same-origin",
        },
        body: new URLSearchParams({ email: "hr@demo.se", password: DEMO_PASSWORD }).toString(),
      });
      expect(res.status).toBe(303);
      times.push(cpuMs(pid) - c0);
      expect(remote.roundTrips()).toBeGreaterThan(0); // went over HTTP
      roundTrips.push(remote.roundTrips());
    }
    console.log(
      `workerd login (production bundle): CPU ${times.join(", ")} ms; round trips ${roundTrips.join(", ")}`,
    );
    expect(Math.min(...times)).toBeGreaterThan(100); // scrypt ran here…
    expect(Math.min(...times)).toBeLessThan(BUDGETS.loginCpuMs); // …within budget
    expect(Math.max(...roundTrips)).toBeLessThanOrEqual(12);
  });

  it("serves htmx and CSS from [assets] and everything else from the Worker", async () => {
    const css = await worker.fetch("/static/app.css");
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toMatch(/text\/css/);
    const htmx = await worker.fetch("/static/vendor/htmx.min.js");
    expect(htmx.status).toBe(200);
    expect(await htmx.text()).toContain("htmx");
    remote.resetRoundTrips();
    await worker.fetch("/static/app.css");
    expect(remote.roundTrips()).toBe(0); // assets never reach the Worker or the DB
    const page = await worker.fetch("/login");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('action="/login"');
  });
});
