/**
 * The readers also run in Workers (web uploads): bundle them into a Worker, run it in workerd
 * (Miniflare) and compare with what Node reads — including Windows-1252's 0x96 → "–".
 */
import { readFileSync } from "node:fs";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSheet } from "../../imports/read";
import { toTable } from "../../imports/table";

let mf: Miniflare;
beforeAll(async () => {
  const out = await build({
    entryPoints: [new URL("../workers/reader-worker.ts", import.meta.url).pathname],
    bundle: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  mf = new Miniflare({
    modules: true,
    script: out.outputFiles[0]!.text,
    compatibilityDate: "2026-04-01",
  });
}, 60_000);
afterAll(() => mf?.dispose());

const nodeRead = (bytes: Uint8Array, name: string) => {
  const sheet = readSheet(bytes, name);
  const table = toTable(sheet, "fil");
  return { format: sheet.format, headerRow: table.headerRow, rows: table.rows };
};

describe("readers in workerd", () => {
  it.each([
    "personal-2026-12-31.xlsx",
    "personal-2027-03-31.csv",
    "webbutbildning-export.csv",
    "narvaro-fordjupning.xlsx",
  ])("%s reads the same as on Node", async (name) => {
    const bytes = new Uint8Array(
      readFileSync(new URL(`../../imports/examples/${name}`, import.meta.url)),
    );
    const res = await mf.dispatchFetch(`http://x/?name=${name}`, { method: "POST", body: bytes });
    expect(res.status).toBe(200);
    const got = await res.json();
    expect(got).toEqual(nodeRead(bytes, name));
    if (name.endsWith(".csv") && name.startsWith("personal")) {
      expect(JSON.stringify(got)).toContain("Fältgruppen – ungdom");
    }
  });

  it.each(["personal-2025-12-31.ods", "personal-2025-12-31.fods", "webbutbildning-export.ods"])(
    "LibreOffice's %s reads the same as on Node",
    async (name) => {
      const bytes = new Uint8Array(
        readFileSync(new URL(`../fixtures/ods/${name}`, import.meta.url)),
      );
      const res = await mf.dispatchFetch(`http://x/?name=${name}`, { method: "POST", body: bytes });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(nodeRead(bytes, name));
    },
  );

  it("refuses random bytes named .xlsx there too", async () => {
    const res = await mf.dispatchFetch("http://x/?name=x.xlsx", {
      method: "POST",
      body: new Uint8Array(64).fill(9),
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toContain("ingen Excel-fil");
  });
});
