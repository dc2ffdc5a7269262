import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    exclude: [
      "test/e2e/**",
      "test/workers/workerd/**",
      "test/workers/remote/**",
      "node_modules/**",
    ],
    setupFiles: ["test/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
