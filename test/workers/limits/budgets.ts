/**
 * Cloudflare's documented Workers limits (Workers Paid / Standard usage model) and our
 * budgets under them. README "Cloudflare Workers" quotes these; the limits test asserts them.
 * Local workerd enforces neither CPU time nor memory, so the test measures and compares.
 */
export const CLOUDFLARE_LIMITS = {
  /** Default CPU time per HTTP request on Paid (configurable up to 5 min); Free has 10 ms. */
  cpuMsPerRequest: 30_000,
  /** Memory per isolate, heap and array buffers together. */
  memoryBytes: 128 * 1024 * 1024,
};

export const BUDGETS = {
  /** A login (scrypt N=2^15, r=8, p=3 in JS): 15x under the CPU limit. */
  loginMs: 2_000,
  /** Parsing a small upload (1000 staff rows). */
  smallParseMs: 1_000,
  /** The largest accepted upload must parse within half the isolate's memory. */
  largestParsePeakBytes: 64 * 1024 * 1024,
  /** …and within a third of the CPU limit. */
  largestParseMs: 10_000,
};

/** Largest staff list we promise on Workers; above it HR uses the CLI. */
export const LARGEST_ROWS_ON_WORKERS = 10_000;
