/**
 * CI check on the Workers build (`npm run build:worker && npm run check:worker`):
 * 1. budget: the gzipped dist/worker.js must stay under GZIP_BUDGET_BYTES;
 * 2. zod guard: `import { z } from "zod"` keeps zod's whole namespace (every locale, the
 *    JSON-schema tools: +67 KiB gzip minified); `import * as z from "zod"` lets esbuild drop
 *    what is unused;
 * 3. Node-only guard: walking wrangler's esbuild metafile from src/worker.ts and from
 *    src/app.ts, none of OUR modules may import fs or any node:* / Node built-in module, or
 *    use Buffer. Libraries may reach Node built-ins only through wrangler's nodejs_compat.
 */
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

/**
 * Measured 322 KiB gzip (minified, zod as a namespace import) when set at 360 KiB; 359.6 KiB
 * with the .xlsx value reader (issue 10), so raised to 380 KiB: still under issue 15's aim of
 * 400 KiB, and a regression the size of zod's locales (+67 KiB) still fails.
 */
export const GZIP_BUDGET_BYTES = 380 * 1024;
export const ROOTS = ["src/worker.ts", "src/app.ts"];

export interface Metafile {
  inputs: Record<
    string,
    { imports: Array<{ path: string; original?: string; external?: boolean }> }
  >;
  /** What each output file holds after tree-shaking (`inputs` lists all that was resolved). */
  outputs?: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
}

export interface Finding {
  module: string;
  problem: string;
}

const BUILTINS = new Set(builtinModules);

/** `fs`, `fs/promises`, `node:anything`, and wrangler's unenv polyfills of them. */
export function isNodeBuiltin(specifier: string): boolean {
  if (specifier.startsWith("node:")) return true;
  if (/(^|\/)unenv\/.*\/node\//.test(specifier)) return true;
  return BUILTINS.has(specifier.split("/")[0]!) && !specifier.startsWith(".");
}

export function isOwnModule(path: string): boolean {
  return (
    !path.includes("node_modules/") && !path.startsWith("<") && /\.(ts|tsx|js|mjs)$/.test(path)
  );
}

/** `import { z } from "zod"` (also `{ type X, z }`), which defeats tree-shaking of zod. */
export const NAMED_ZOD_IMPORT = /\bimport\s*\{[^}]*\bz\b[^}]*\}\s*from\s*["']zod(\/[^"']*)?["']/;

/** zod locales other than English in the output: the sign that something keeps all of zod. */
export function zodLocalesIn(meta: Metafile): string[] {
  const bundled = Object.values(meta.outputs ?? {}).flatMap((o) =>
    Object.entries(o.inputs)
      .filter(([, v]) => v.bytesInOutput > 0)
      .map(([p]) => p),
  );
  return bundled.filter(
    (p) => /node_modules\/zod\/.*\/locales\//.test(p) && !/\/locales\/(en|index)\.js$/.test(p),
  );
}

/** Our reachable modules that write `import { z } from "zod"`. */
export function namedZodImports(
  meta: Metafile,
  readSource: (path: string) => string,
  roots: string[] = ROOTS,
): string[] {
  const own = new Set(roots.flatMap((r) => [...reachableFrom(meta, r)].filter(isOwnModule)));
  return [...own].filter((path) => NAMED_ZOD_IMPORT.test(readSource(path))).sort();
}

/** Every input reachable from `root` through static or dynamic imports. */
export function reachableFrom(meta: Metafile, root: string): Set<string> {
  const seen = new Set<string>();
  const stack = [root];
  while (stack.length > 0) {
    const path = stack.pop()!;
    if (seen.has(path) || !meta.inputs[path]) continue;
    seen.add(path);
    for (const imp of meta.inputs[path]!.imports) if (!imp.external) stack.push(imp.path);
  }
  return seen;
}

/** Source text without comments, string and template literal contents. */
export function codeOnly(source: string): string {
  return source.replace(
    /\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`/g,
    (m) => (m.startsWith("/") ? " " : '""'),
  );
}

export function nodeOnlyFindings(
  meta: Metafile,
  readSource: (path: string) => string,
  roots: string[] = ROOTS,
): Finding[] {
  const findings: Finding[] = [];
  const checked = new Set<string>();
  for (const root of roots) {
    if (!meta.inputs[root]) {
      findings.push({ module: root, problem: "entry is not in the bundle's metafile" });
      continue;
    }
    for (const path of reachableFrom(meta, root)) {
      if (checked.has(path) || !isOwnModule(path)) continue;
      checked.add(path);
      for (const imp of meta.inputs[path]!.imports) {
        const specifier = imp.original ?? imp.path;
        if (isNodeBuiltin(specifier) || isNodeBuiltin(imp.path)) {
          findings.push({ module: path, problem: `imports Node built-in "${specifier}"` });
        }
      }
      if (/\bBuffer\b/.test(codeOnly(readSource(path)))) {
        findings.push({
          module: path,
          problem: "uses Buffer (use Uint8Array, TextEncoder, @oslojs/encoding)",
        });
      }
    }
  }
  return findings;
}

/** Library modules that reach Node built-ins: allowed only with nodejs_compat. */
export function librariesUsingBuiltins(meta: Metafile): string[] {
  const out = new Set<string>();
  for (const root of ROOTS) {
    for (const path of reachableFrom(meta, root)) {
      if (isOwnModule(path)) continue;
      for (const imp of meta.inputs[path]?.imports ?? []) {
        const specifier = imp.original ?? imp.path;
        if (isNodeBuiltin(specifier)) out.add(`${path} → ${specifier}`);
      }
    }
  }
  return [...out].sort();
}

function main(): void {
  const dist = process.argv[2] ?? "dist";
  const errors: string[] = [];

  const bundle = readFileSync(join(dist, "worker.js"));
  const gzipped = gzipSync(bundle).length;
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    `bundle: ${kib(bundle.length)}, gzip ${kib(gzipped)} (budget ${kib(GZIP_BUDGET_BYTES)})`,
  );
  if (gzipped > GZIP_BUDGET_BYTES)
    errors.push(`gzipped bundle ${kib(gzipped)} exceeds the ${kib(GZIP_BUDGET_BYTES)} budget`);

  const meta = JSON.parse(readFileSync(join(dist, "bundle-meta.json"), "utf8")) as Metafile;
  const findings = nodeOnlyFindings(meta, (path) => readFileSync(path, "utf8"));
  const own = new Set(ROOTS.flatMap((r) => [...reachableFrom(meta, r)].filter(isOwnModule)));
  console.log(`own modules reachable from ${ROOTS.join(" and ")}: ${own.size}`);
  for (const f of findings) errors.push(`${f.module}: ${f.problem}`);
  for (const path of namedZodImports(meta, (p) => readFileSync(p, "utf8"))) {
    errors.push(`${path}: imports { z } from "zod"; write import * as z from "zod"`);
  }
  const locales = zodLocalesIn(meta);
  if (locales.length > 0) {
    errors.push(
      `${locales.length} zod locales are bundled (first: ${locales[0]}): a module keeps all of zod`,
    );
  }

  const libs = librariesUsingBuiltins(meta);
  const compat = /compatibility_flags\s*=\s*\[[^\]]*"nodejs_compat"/.test(
    readFileSync("wrangler.toml", "utf8"),
  );
  if (libs.length > 0) {
    console.log(
      `library modules using Node built-ins (served by nodejs_compat):\n  ${libs.join("\n  ")}`,
    );
    if (!compat) errors.push("libraries need Node built-ins but wrangler.toml lacks nodejs_compat");
  }

  if (errors.length > 0) {
    console.error(`Workers bundle check FAILED:\n  ${errors.join("\n  ")}`);
    process.exit(1);
  }
  console.log(
    "Workers bundle check passed: within budget, zod tree-shaken, no Node-only code of ours reachable.",
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
