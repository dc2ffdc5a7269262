/**
 * Runs code in plain workerd exactly as deployed: bundled by wrangler itself
 * (`wrangler deploy <entry> --dry-run`, with wrangler.toml's settings, nodejs_compat
 * included), then served by Miniflare (the local Workers runtime). Used by the limits and
 * production-bundle tests and by bench/workers-limits.ts.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Miniflare } from "miniflare";

const WRANGLER = join("node_modules", "wrangler", "bin", "wrangler.js");

/** `wrangler deploy <entry> --dry-run --outdir <outdir>`; returns the bundle's file name. */
export function bundleWithWrangler(entry: string, outdir: string): string {
  execFileSync(process.execPath, [WRANGLER, "deploy", entry, "--dry-run", "--outdir", outdir], {
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
    stdio: "pipe",
  });
  return basename(entry).replace(/\.tsx?$/, ".js");
}

/** compatibility_date and _flags from wrangler.toml, so the probe runs as deployed. */
export function wranglerCompat(): { compatibilityDate: string; compatibilityFlags: string[] } {
  const toml = readFileSync("wrangler.toml", "utf8");
  const date = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1];
  const flags = /^compatibility_flags\s*=\s*\[([^\]]*)\]/m.exec(toml)?.[1] ?? "";
  if (!date) throw new Error("wrangler.toml has no compatibility_date");
  return {
    compatibilityDate: date,
    compatibilityFlags: [...flags.matchAll(/"([^"]+)"/g)].map((m) => m[1]!),
  };
}

export interface WorkerdRun {
  fetch(path: string, init?: RequestInit): Promise<Response>;
  dispose(): Promise<void>;
}

/** wrangler.toml's `[assets] directory`, if any. */
export function wranglerAssetsDirectory(): string | undefined {
  const toml = readFileSync("wrangler.toml", "utf8");
  return /^\[assets\][^[]*?^directory\s*=\s*"([^"]+)"/ms.exec(toml)?.[1];
}

/**
 * Bundles `entry` and serves it from a fresh workerd with these text bindings; with
 * `withAssets`, static files from wrangler.toml's [assets] are served in front, as deployed.
 */
export async function runInWorkerd(
  entry: string,
  bindings: Record<string, string> = {},
  { withAssets = false } = {},
): Promise<WorkerdRun> {
  const dir = mkdtempSync(join(tmpdir(), "genomford-workerd-"));
  const file = bundleWithWrangler(entry, dir);
  const mf = new Miniflare({
    modules: true,
    modulesRoot: dir,
    scriptPath: join(dir, file),
    ...wranglerCompat(),
    bindings,
    ...(withAssets
      ? {
          assets: {
            directory: wranglerAssetsDirectory()!,
            routerConfig: { has_user_worker: true },
          },
        }
      : {}),
  });
  await mf.ready;
  return {
    fetch: async (path, init) => {
      const res = await mf.dispatchFetch(`https://genomford.example${path}`, {
        redirect: "manual",
        ...(init as object),
      });
      return res as unknown as Response;
    },
    dispose: async () => {
      await mf.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
