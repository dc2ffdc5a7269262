import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import {
  codeOnly,
  isNodeBuiltin,
  type Metafile,
  NAMED_ZOD_IMPORT,
  namedZodImports,
  nodeOnlyFindings,
  reachableFrom,
  zodLocalesIn,
} from "./check-bundle";

/** Bundles `entries` the way wrangler does for Workers, Node built-ins left external. */
async function metafileOf(cwd: string, entries: string[]): Promise<Metafile> {
  const result = await build({
    absWorkingDir: cwd,
    entryPoints: entries,
    bundle: true,
    write: false,
    outdir: "out",
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    external: ["node:*", "fs", "path", "buffer"],
    metafile: true,
    logLevel: "silent",
  });
  return result.metafile as Metafile;
}

describe("Node-only guard", () => {
  it.each([
    ["node:fs", true],
    ["fs", true],
    ["fs/promises", true],
    ["node_modules/unenv/dist/runtime/node/buffer.mjs", true],
    ["./fs", false],
    ["hono", false],
    ["@libsql/client/web", false],
  ])("isNodeBuiltin(%s) = %s", (specifier, expected) => {
    expect(isNodeBuiltin(specifier)).toBe(expected);
  });

  it("ignores Buffer in comments and strings, not in code", () => {
    expect(codeOnly('// Buffer\nconst s = "Buffer"; /* Buffer */')).not.toMatch(/Buffer/);
    expect(codeOnly("const b = Buffer.from(x);")).toMatch(/Buffer/);
  });

  it("walks the graph only from the roots", () => {
    const meta: Metafile = {
      inputs: {
        "src/app.ts": { imports: [{ path: "src/a.ts" }] },
        "src/a.ts": { imports: [{ path: "node:fs", original: "node:fs", external: true }] },
        "src/cli.ts": { imports: [{ path: "node:fs", original: "node:fs", external: true }] },
      },
    };
    expect([...reachableFrom(meta, "src/app.ts")].sort()).toEqual(["src/a.ts", "src/app.ts"]);
    expect(nodeOnlyFindings(meta, () => "", ["src/app.ts"])).toEqual([
      { module: "src/a.ts", problem: 'imports Node built-in "node:fs"' },
    ]);
  });

  it("catches our module importing fs or using Buffer two hops away, but not a library's", async () => {
    const dir = mkdtempSync(join(tmpdir(), "genomford-guard-"));
    try {
      mkdirSync(join(dir, "src"));
      mkdirSync(join(dir, "node_modules/lib"), { recursive: true });
      writeFileSync(join(dir, "node_modules/lib/index.js"), 'import "buffer"; export const x = 1;');
      writeFileSync(
        join(dir, "src/app.ts"),
        'import { read } from "./helper"; import { x } from "lib"; export default [read, x];',
      );
      writeFileSync(
        join(dir, "src/helper.ts"),
        'import { readFileSync } from "fs"; export const read = () => readFileSync("x");',
      );
      writeFileSync(
        join(dir, "src/worker.ts"),
        'import app from "./app"; export const y = Buffer.from("a"); export default app;',
      );
      const meta = await metafileOf(dir, ["src/worker.ts"]);
      const findings = nodeOnlyFindings(meta, (p) => readFileSync(join(dir, p), "utf8"));
      expect(findings).toEqual([
        { module: "src/worker.ts", problem: expect.stringContaining("Buffer") },
        { module: "src/helper.ts", problem: 'imports Node built-in "fs"' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("finds nothing Node-only in our real src/worker.ts and src/app.ts", async () => {
    const meta = await metafileOf(process.cwd(), ["src/worker.ts", "src/app.ts"]);
    expect(Object.keys(meta.inputs)).toContain("src/auth/password.ts");
    expect(nodeOnlyFindings(meta, (p) => readFileSync(p, "utf8"))).toEqual([]);
  });
});

describe("zod guard", () => {
  it.each([
    ['import { z } from "zod";', true],
    ['import { type ZodType, z } from "zod";', true],
    ["import {z} from 'zod/v4';", true],
    ['import * as z from "zod";', false],
    ['import type { ZodType } from "zod";', false],
    ['import { zValidator } from "@hono/zod-validator";', false],
  ])("NAMED_ZOD_IMPORT matches %s: %s", (source, expected) => {
    expect(NAMED_ZOD_IMPORT.test(source)).toBe(expected);
  });

  it("counts only the locales that are in the output, English allowed", () => {
    const meta: Metafile = {
      inputs: {},
      outputs: {
        "worker.js": {
          inputs: {
            "node_modules/zod/v4/locales/en.js": { bytesInOutput: 900 },
            "node_modules/zod/v4/locales/sv.js": { bytesInOutput: 0 },
            "node_modules/zod/v4/locales/de.js": { bytesInOutput: 4000 },
          },
        },
      },
    };
    expect(zodLocalesIn(meta)).toEqual(["node_modules/zod/v4/locales/de.js"]);
  });

  it("names our module that imports { z }, even when the library is shared", () => {
    const meta: Metafile = {
      inputs: {
        "src/app.ts": { imports: [{ path: "src/routes/a.ts" }, { path: "src/routes/b.ts" }] },
        "src/routes/a.ts": { imports: [] },
        "src/routes/b.ts": { imports: [] },
      },
    };
    const sources: Record<string, string> = {
      "src/app.ts": "",
      "src/routes/a.ts": 'import * as z from "zod";',
      "src/routes/b.ts": 'import { z } from "zod";',
    };
    expect(namedZodImports(meta, (p) => sources[p]!, ["src/app.ts"])).toEqual(["src/routes/b.ts"]);
  });

  // The same check as `npm run check:worker`, in the unit suite so a new route fails fast.
  it('no module reachable from the Worker writes import { z } from "zod"', async () => {
    const meta = await metafileOf(process.cwd(), ["src/worker.ts", "src/app.ts"]);
    expect(namedZodImports(meta, (p) => readFileSync(p, "utf8"))).toEqual([]);
  });
});
