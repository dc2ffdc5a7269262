import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

/**
 * Tests that run inside workerd (the Workers runtime) against the real src/worker.ts, with
 * wrangler.toml's settings, talking libSQL over HTTP to a real sqld (behind a 20 ms latency proxy) that globalSetup starts.
 */
export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => ({
      main: "./src/worker.ts",
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          DATABASE_URL: inject("databaseUrl"),
          DATABASE_AUTH_TOKEN: inject("databaseToken"),
        },
      },
    })),
  ],
  test: {
    include: ["test/workers/workerd/**/*.test.ts"],
    globalSetup: ["test/workers/sqld/global-setup.ts"],
    // Pre-bundle the CPU-heavy libraries: through the runner's per-module transform their hot
    // loops run ~10x slower than in workerd proper (scrypt 4.6 s instead of 0.5 s), which
    // would make the timings in workerd/limits.test.ts meaningless.
    deps: { optimizer: { ssr: { enabled: true, include: ["@noble/hashes/scrypt.js", "xlsx"] } } },
    // The files share the demo database (one writes, another compares figures): one at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
