/**
 * Everything src/app.ts reaches must run on Workers too: no node:* imports, no Buffer, no fs.
 * Walks the relative-import graph of our own files (packages are bundled and checked by
 * `npm run build:worker`).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")]) {
    if (existsSync(candidate) && /\.(ts|tsx)$/.test(candidate)) return candidate;
  }
  return null;
}

function reachableFrom(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const queue = [resolve(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const source = readFileSync(file, "utf8");
    seen.set(file, source);
    for (const m of source.matchAll(/(?:import|export)\s[^"']*?from\s+["']([^"']+)["']/g)) {
      const spec = m[1]!;
      if (!spec.startsWith(".")) continue;
      const target = resolveImport(file, spec);
      if (target) queue.push(target);
    }
  }
  return seen;
}

describe("runtime-free app", () => {
  const files = reachableFrom("src/app.ts");

  it("walks the app's own files", () => {
    const names = [...files.keys()].map((f) => relative(ROOT, f));
    expect(names).toContain("src/auth/oidc.ts");
    expect(names).toContain("src/routes/admin.tsx");
    expect(names).not.toContain("src/server.ts");
  });

  it("uses no Node-only module, Buffer or process from src/app.ts", () => {
    const offenders: string[] = [];
    for (const [file, source] of files) {
      const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      if (/(?:from|import)\s+["'](node:[^"']+|fs|path|os|crypto|child_process)["']/.test(code))
        offenders.push(`${relative(ROOT, file)}: node import`);
      if (/\bBuffer\b/.test(code)) offenders.push(`${relative(ROOT, file)}: Buffer`);
      if (/\bprocess\.(env|argv)/.test(code)) offenders.push(`${relative(ROOT, file)}: process`);
    }
    expect(offenders).toEqual([]);
  });
});
