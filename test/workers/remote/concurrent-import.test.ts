/**
 * Issue 15's acceptance: on the Worker as deployed, over a real sqld at 20 ms per round
 * trip, a 10 000-row staff import changing 1 500 people commits while another user signs in
 * and a third writes — and so does its undo — within asserted round trips. When sqld takes
 * the lock away anyway, HR sees a Swedish "försök igen" and the saved preview still works.
 */
import { createClient } from "@libsql/client/web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffXlsx } from "../limits/staff-file";
import {
  confirmForm,
  type ImportScenario,
  startImportScenario,
  uploadForm,
} from "./import-scenario";

const ROWS = 10_000;
const CHANGED = 1_500;
/** Set-based writes: a handful of statements per kind of change, not one per person. */
// Set-based writes: measured 19 (confirm) and 14 (undo) whatever the file size; a per-row
// write would show as hundreds.
const MAX_CONFIRM_ROUND_TRIPS = 30;
const MAX_UNDO_ROUND_TRIPS = 30;

describe("a big staff import on Workers with colleagues at work (sqld, 20 ms latency)", () => {
  let s: ImportScenario;
  let hr: Awaited<ReturnType<ImportScenario["signIn"]>>;
  let admin: Awaited<ReturnType<ImportScenario["signIn"]>>;
  let marchPreview = "";

  beforeAll(async () => {
    s = await startImportScenario();
    hr = await s.signIn("hr@demo.se");
    admin = await s.signIn("admin@demo.se");
    const first = await hr(
      "/imports/preview",
      await uploadForm("staff", "personal-januari.xlsx", staffXlsx(ROWS), "2026-01-31"),
    );
    const setup = await hr("/imports/confirm", confirmForm(await first.text()));
    expect(setup.status).toBe(303);
    s.setLatency(20);
  }, 600_000);
  afterAll(async () => {
    await s?.stop();
  });

  /**
   * Resolves once a transaction that began from now on is open and has written (sqld takes
   * the write lock at the first write), as seen by the proxy.
   */
  async function whenTransactionOpens(): Promise<void> {
    const since = Date.now();
    const open = () =>
      s.remote.proxy.stats.transactions.some(
        (t) => t.outcome === "open" && t.startedAt >= since && t.writes > 0,
      );
    for (let waited = 0; waited < 120_000; waited += 20) {
      if (open()) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error("no write transaction began within 120 s");
  }

  /** While `work` holds its write transaction: ledning signs in, admin creates an account. */
  async function withColleagues(work: () => Promise<Response>, n: number) {
    const colleagues = (async () => {
      await whenTransactionOpens();
      const ledning = await s.signIn("ledning@demo.se");
      const created = await admin("/admin/users", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          name: `Kollega ${n}`,
          email: `kollega${n}@demo.se`,
          role: "ledning",
        }),
      });
      return { signedIn: (await ledning("/")).status, created: created.status };
    })();
    const [measured, others] = await Promise.all([s.measure(work), colleagues]);
    return { measured, others };
  }

  it("confirm commits while another user signs in and a third writes; round trips asserted", async () => {
    const file = await uploadForm(
      "staff",
      "personal-februari.xlsx",
      staffXlsx(ROWS, { retitled: CHANGED }),
      "2026-02-28",
    );
    const preview = await hr("/imports/preview", file);
    const html = await preview.text();
    expect(html).toMatch(
      new RegExp(
        `Ändrade[^<]*</[^>]+>\\s*<[^>]+>${CHANGED.toLocaleString("sv-SE").replace(/\s/g, "\\s")}`,
      ),
    );
    const { measured, others } = await withColleagues(
      () => hr("/imports/confirm", confirmForm(html)),
      1,
    );
    console.log(
      `confirm: ${measured.roundTrips} round trips, transactions ${JSON.stringify(measured.transactions)}`,
    );
    expect(measured.res.status, measured.html.slice(0, 300)).toBe(303);
    expect(others).toEqual({ signedIn: 200, created: 201 });
    expect(measured.transactions.filter((t) => t.outcome === "commit")).toHaveLength(1);
    expect(measured.roundTrips).toBeLessThanOrEqual(MAX_CONFIRM_ROUND_TRIPS);
    const titles = await count(
      "SELECT COUNT(*) AS n FROM employments WHERE title = 'Utvecklingsledare' AND valid_to IS NULL",
    );
    expect(titles).toBe(CHANGED);
  });

  // Before the set-based undo this took 127–168 round trips and held its transaction 5.1 s:
  // sqld aborted it. Measured now: 14 round trips, ~0.3 s in the write transaction.
  it("undo of the same import commits the same way", async () => {
    const page = await (await hr("/imports")).text();
    const importId = [...page.matchAll(/\/imports\/(\d+)\/undo/g)]
      .map((m) => Number(m[1]))
      .sort((a, b) => b - a)[0];
    expect(importId).toBeDefined();
    const { measured, others } = await withColleagues(
      () => hr(`/imports/${importId}/undo`, { method: "POST" }),
      2,
    );
    console.log(
      `undo: ${measured.roundTrips} round trips, transactions ${JSON.stringify(measured.transactions)}`,
    );
    expect(measured.res.status, measured.html.slice(0, 300)).toBe(303);
    expect(others).toEqual({ signedIn: 200, created: 201 });
    expect(measured.roundTrips).toBeLessThanOrEqual(MAX_UNDO_ROUND_TRIPS);
    const titles = await count(
      "SELECT COUNT(*) AS n FROM employments WHERE title = 'Utvecklingsledare' AND valid_to IS NULL",
    );
    expect(titles).toBe(0);
  });

  it("when sqld takes the lock away: a Swedish 'försök igen' (503), nothing written", async () => {
    const file = await uploadForm(
      "staff",
      "personal-mars.xlsx",
      staffXlsx(ROWS, { retitled: 10 }),
      "2026-03-31",
    );
    const html = await (await hr("/imports/preview", file)).text();
    // The import's COMMIT is held 7 s while another writer waits: sqld gives the lock to
    // the waiting writer and aborts the import.
    s.remote.proxy.stats.stallWriterMs = 7_000;
    const blocker = createClient({ url: s.remote.sqld.url, authToken: s.remote.sqld.token });
    const writer = (async () => {
      while (!s.remote.proxy.stats.stalling) await new Promise((r) => setTimeout(r, 20));
      await blocker.execute("INSERT INTO audit_log (action) VALUES ('test.write')");
    })();
    const failed = await s.measure(() => hr("/imports/confirm", confirmForm(html)));
    await writer;
    blocker.close();
    console.log(`lock test: ${failed.res.status} ${JSON.stringify(failed.transactions)}`);
    expect(failed.res.status).toBe(503);
    expect(failed.html).toContain("Försök igen");
    expect(
      await count("SELECT COUNT(*) AS n FROM imports WHERE file_name = 'personal-mars.xlsx'"),
    ).toBe(0);
    marchPreview = html;
  });

  // The saved preview is claimed inside the write transaction, so the lost lock above left it
  // in place (before, the retry answered 410 "Förhandsgranskningen finns inte längre").
  it("…and the saved preview still confirms afterwards", async () => {
    const retry = await hr("/imports/confirm", confirmForm(marchPreview));
    expect(retry.status).toBe(303);
  });

  async function count(query: string): Promise<number> {
    const client = createClient({ url: s.remote.sqld.url, authToken: s.remote.sqld.token });
    try {
      return Number((await client.execute(query)).rows[0]?.n);
    } finally {
      client.close();
    }
  }
});
