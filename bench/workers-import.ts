/**
 * The big import on Workers, measured through the Worker as deployed (wrangler's bundle in
 * workerd) over a real sqld behind the 20 ms latency proxy: login CPU time and round trips,
 * then a 10 000-row staff import changing 1 500 people — round trips, write-transaction time
 * and wall time of preview, confirm and undo. Part of `npm run bench:workers`.
 */
import { CURRENT_PARAMS } from "../src/auth/password";
import { staffXlsx } from "../test/workers/limits/staff-file";
import {
  confirmForm,
  cpuMs,
  type Measured,
  startImportScenario,
  uploadForm,
} from "../test/workers/remote/import-scenario";

export interface ImportBenchOptions {
  rows: number;
  changed: number;
  latencyMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function row(what: string, m: Measured): string {
  const longest = m.transactions.reduce((a, t) => Math.max(a, t.ms), 0);
  const inTx = m.transactions.reduce((a, t) => a + t.roundTrips, 0);
  const outcome = m.transactions.map((t) => t.outcome).join(", ") || "–";
  return `| ${what} | ${m.res.status} | ${m.roundTrips} | ${inTx} | ${longest} ms (${outcome}) | ${m.wallMs} ms |`;
}

export async function benchImport(o: ImportBenchOptions): Promise<string[]> {
  const scenario = await startImportScenario();
  const lines: string[] = [];
  try {
    scenario.setLatency(o.latencyMs);
    const cpu: number[] = [];
    const trips: number[] = [];
    for (let i = 0; i < 3; i++) {
      const c0 = cpuMs(scenario.pid);
      scenario.remote.resetRoundTrips();
      await scenario.signIn("hr@demo.se");
      cpu.push(cpuMs(scenario.pid) - c0);
      trips.push(scenario.remote.roundTrips());
    }
    lines.push(
      `Login through the Worker (scrypt N=2^${Math.log2(CURRENT_PARAMS.N)}, r=${CURRENT_PARAMS.r}, p=${CURRENT_PARAMS.p}): CPU time of workerd ${median(cpu)} ms (runs: ${cpu.join(", ")}), ${median(trips)} round trips.`,
    );
    const hr = await scenario.signIn("hr@demo.se");
    // The first list goes in without latency: it is the setup, not what is measured.
    scenario.setLatency(0);
    const firstFile = await uploadForm("staff", "personal-1.xlsx", staffXlsx(o.rows), "2026-01-31");
    const first = await scenario.measure(() => hr("/imports/preview", firstFile));
    const created = await scenario.measure(() => hr("/imports/confirm", confirmForm(first.html)));
    if (created.res.status !== 303)
      throw new Error(`setup import failed: ${created.html.slice(0, 500)}`);
    scenario.setLatency(o.latencyMs);
    const file = staffXlsx(o.rows, { retitled: o.changed });
    const second = await uploadForm("staff", "personal-2.xlsx", file, "2026-02-28");
    const preview = await scenario.measure(() => hr("/imports/preview", second));
    const confirm = await scenario.measure(() => hr("/imports/confirm", confirmForm(preview.html)));
    const importId = /done=(\d+)/.exec(confirm.res.headers.get("location") ?? "")?.[1];
    lines.push(
      "",
      `Staff import of ${o.rows} rows changing ${o.changed} people, ${o.latencyMs} ms per round trip:`,
      "",
      "| step | status | round trips | of them in write transactions | longest write transaction | wall time |",
      "|---|---|---|---|---|---|",
      row("setup: first import (no latency)", created),
      row("preview (dry run, file kept)", preview),
      row("confirm", confirm),
    );
    if (importId) {
      const undo = await scenario.measure(() =>
        hr(`/imports/${importId}/undo`, { method: "POST" }),
      );
      lines.push(row("undo", undo));
    }
  } finally {
    await scenario.stop();
  }
  return lines;
}
