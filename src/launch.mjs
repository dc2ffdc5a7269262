#!/usr/bin/env node
/**
 * Starts the CLI or the Node server from an esbuild bundle instead of transpiling TypeScript
 * at every start (tsx spent 2.7–3 s before the CLI did anything). The bundle is built at
 * install (`node src/launch.mjs --build`) or on first use, and rebuilt when any source file is
 * newer than it. Plain JavaScript on purpose: it must run before anything is compiled.
 *
 *   node src/launch.mjs cli [args…]    node src/launch.mjs server    node src/launch.mjs --build
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const OUT = join(ROOT, "dist", "node");
const SOURCES = ["src", "db", "imports", "courses", "views", "package-lock.json"];
const ENTRIES = {
  cli: "src/cli.ts",
  server: "src/server.ts",
  "import-worker": "src/services/imports/node-worker.ts",
};

/** Newest modification time among the sources (ms); a few ms for the whole tree. */
function newestSource(path = ROOT, names = SOURCES) {
  let newest = 0;
  for (const name of names) {
    const p = join(path, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      if (name === "vendor" || name === "node_modules") continue;
      newest = Math.max(newest, newestSource(p, readdirSync(p)));
    } else if (/\.(ts|tsx|mjs|json|sql)$/.test(name)) newest = Math.max(newest, st.mtimeMs);
  }
  return newest;
}

function isFresh() {
  const built = Object.keys(ENTRIES).map((e) => join(OUT, `${e}.mjs`));
  if (!built.every(existsSync)) return false;
  const oldest = Math.min(...built.map((f) => statSync(f).mtimeMs));
  return oldest >= newestSource();
}

export async function build() {
  const esbuild = await import("esbuild");
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([k, v]) => [k, v])),
    outdir: OUT,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    platform: "node",
    format: "esm",
    target: "node20",
    // Dependencies bundled too: one file loads far faster than hundreds of small ESM modules.
    // libSQL stays outside (a native module), and so does what only the dev tools need.
    external: ["@libsql/client", "libsql", "esbuild"],
    jsx: "automatic",
    jsxImportSource: "hono/jsx",
    sourcemap: "linked",
    minify: process.env.GENOMFORD_NO_MINIFY !== "1",
    logLevel: "warning",
    // Modules find files next to their source (db/migrations): give them the source's URL,
    // not the bundle's. Only db/migrate.ts and the CLI's own entry check read it.
    define: { "import.meta.url": "__sourceModuleUrl" },
    banner: {
      js: `const __sourceModuleUrl = new URL(import.meta.url.includes("/chunks/") ? "../../../db/migrate.ts" : "../../db/migrate.ts", import.meta.url).href;`,
    },
  });
}

/**
 * Builds when stale. Several processes may start at once (parallel test files, two HR
 * scripts): one builds under a lock directory, the others wait for it and reuse its bundle.
 */
export async function ensureBuilt() {
  const lock = `${OUT}.lock`;
  for (let waited = 0; !isFresh(); waited += 100) {
    try {
      mkdirSync(dirname(lock), { recursive: true });
      mkdirSync(lock);
    } catch {
      // Someone else is building; a lock older than a minute was left by a killed build.
      if (
        waited > 60_000 ||
        Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 60_000
      )
        rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    try {
      if (!isFresh()) await build();
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return OUT;
}

const [command, ...rest] = process.argv.slice(2);
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (command === "--build") {
    // At install: without dev dependencies (esbuild) there is nothing to build with; the
    // first start says so instead of failing the install.
    await build().catch((err) => {
      process.stderr.write(`Bygget av dist/node hoppades över: ${err.message}\n`);
    });
  } else if (command === "cli" || command === "server") {
    await ensureBuilt();
    // Tells the server where the bundled import worker is (node-runner.ts).
    globalThis.__genomfordBundleDir = OUT;
    const mod = await import(pathToFileURL(join(OUT, `${command}.mjs`)).href);
    if (command === "cli") process.exitCode = await mod.main(rest);
  } else {
    process.stderr.write("Användning: node src/launch.mjs cli|server|--build [argument …]\n");
    process.exitCode = 1;
  }
}
