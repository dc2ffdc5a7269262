import { defineConfig } from "vitest/config";

/** Browser tests: real Chromium (Debian's /usr/bin/chromium) against a real Node server. */
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
