import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

/**
 * Tests that run inside workerd (the Workers runtime) against the real src/worker.ts, with
 * wrangler.toml's settings, talking libSQL over HTTP to the fixture that globalSetup starts.
 */
export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => ({
      main: "./src/worker.ts",
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: { DATABASE_URL: inject("hranaUrl"), DATABASE_AUTH_TOKEN: inject("hranaToken") },
      },
    })),
  ],
  test: {
    include: ["test/workers/workerd/**/*.test.ts"],
    globalSetup: ["test/workers/fixtures/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
