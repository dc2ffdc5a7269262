/**
 * The direction of dependencies (DESIGN.md "Layout"), checked by walking every import of
 * our own code. Rules, for anyone adding files:
 *
 * 1. src/domain is pure: it imports values only from src/domain and courses/ (plain data),
 *    no packages besides those listed in DOMAIN_PACKAGES; types from anywhere.
 * 2. db/ is a leaf: it imports nothing of ours outside db/ (types included).
 * 3. views/ only render: values only from views/ and src/domain (types from anywhere).
 * 4. src/routes import no drizzle-orm and no values from db/ (queries live in services).
 * 5. No two folders of src/ import each other, directly or through others (types count too:
 *    a cycle of types is still a tangle). Files directly in src/ (entries, app.ts, env.ts)
 *    are the wiring and may import anything.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "..");
const OWN_FOLDERS = ["src", "db", "views", "imports", "courses"];
const DOMAIN_PACKAGES: readonly string[] = [];

interface Edge {
  from: string;
  /** Repository-relative path for our files, else the package specifier. */
  to: string;
  typeOnly: boolean;
  own: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name === "migrations" || name === "public") return [];
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

const IMPORT =
  /^\s*(import|export)\s+(type\s+)?([\s\S]*?)\s*from\s*["']([^"']+)["'];?|^\s*import\s+["']([^"']+)["'];?/gm;

function resolveOwn(from: string, spec: string): string {
  const base = join(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")]) {
    try {
      if (statSync(join(ROOT, candidate)).isFile()) return candidate;
    } catch {}
  }
  return base;
}

function importsOf(file: string): Edge[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const edges: Edge[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[4] ?? m[5]!;
    const clause = m[3] ?? "";
    // `import { type A, type B }` is as type-only as `import type { A, B }`.
    const names = /^\{([\s\S]*)\}$/.exec(clause.trim())?.[1];
    const allTypes =
      names !== undefined &&
      names
        .split(",")
        .map((n) => n.trim())
        .filter(Boolean)
        .every((n) => n.startsWith("type "));
    const own = spec.startsWith(".");
    edges.push({
      from: file,
      to: own ? resolveOwn(file, spec) : spec,
      typeOnly: !!m[2] || allTypes,
      own,
    });
  }
  return edges;
}

const files = OWN_FOLDERS.flatMap(sourceFiles);
const edges = files.flatMap(importsOf);
const under = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);
const show = (e: Edge) => `${e.from} → ${e.to}${e.typeOnly ? " (type)" : ""}`;

describe("architecture: imports point one way", () => {
  it("finds the code it checks", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(edges.some((e) => e.from === "src/app.ts" && e.to === "src/routes/render.tsx")).toBe(
      true,
    );
  });

  it("src/domain is pure", () => {
    const bad = edges.filter(
      (e) =>
        under(e.from, "src/domain") &&
        !e.typeOnly &&
        (e.own
          ? !under(e.to, "src/domain") && !under(e.to, "courses")
          : !DOMAIN_PACKAGES.includes(e.to)),
    );
    expect(bad.map(show)).toEqual([]);
  });

  it("db/ is a leaf", () => {
    const bad = edges.filter((e) => under(e.from, "db") && e.own && !under(e.to, "db"));
    expect(bad.map(show)).toEqual([]);
  });

  it("views import values only from views/ and src/domain", () => {
    const bad = edges.filter(
      (e) =>
        under(e.from, "views") &&
        e.own &&
        !e.typeOnly &&
        !under(e.to, "views") &&
        !under(e.to, "src/domain"),
    );
    expect(bad.map(show)).toEqual([]);
  });

  it("routes import no drizzle and no db/ values", () => {
    const bad = edges.filter(
      (e) =>
        under(e.from, "src/routes") &&
        ((!e.own && e.to.startsWith("drizzle-orm")) || (e.own && !e.typeOnly && under(e.to, "db"))),
    );
    expect(bad.map(show)).toEqual([]);
  });

  it("no two folders of src/ depend on each other", () => {
    const folderOf = (path: string) => {
      const parts = relative("src", path).split("/");
      return under(path, "src") && parts.length > 1 ? parts[0]! : null;
    };
    const graph = new Map<string, Set<string>>();
    const why = new Map<string, string>();
    for (const e of edges) {
      const [a, b] = [folderOf(e.from), e.own ? folderOf(e.to) : null];
      if (!a || !b || a === b) continue;
      if (!graph.has(a)) graph.set(a, new Set());
      graph.get(a)!.add(b);
      if (!why.has(`${a}>${b}`)) why.set(`${a}>${b}`, show(e));
    }
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
      for (const next of graph.get(from) ?? []) {
        if (next === to) return true;
        if (seen.has(next)) continue;
        seen.add(next);
        if (reaches(next, to, seen)) return true;
      }
      return false;
    };
    const cycles = [...graph].flatMap(([a, targets]) =>
      [...targets].filter((b) => reaches(b, a)).map((b) => `${a} ⇄ ${b}: ${why.get(`${a}>${b}`)}`),
    );
    expect(cycles).toEqual([]);
  });
});

describe("architecture: a cheap start", () => {
  // A formatter with a time zone loads ICU's zone data (≈30 ms) when it is made. Made at module
  // load it slowed every CLI call, --help included; made on first use only callers pay.
  it("no module builds a date formatter at load time", () => {
    const atLoad = OWN_FOLDERS.flatMap(sourceFiles).flatMap((file) =>
      readFileSync(join(ROOT, file), "utf8")
        .split("\n")
        .filter((line) => /^(export )?const \w+ = new Intl\.DateTimeFormat\(/.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(atLoad).toEqual([]);
  });
});
