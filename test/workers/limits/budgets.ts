/**
 * Cloudflare's documented Workers limits (Workers Paid / Standard usage model) and our
 * budgets under them. README "Cloudflare Workers" quotes these; the limits tests assert them.
 * Local workerd enforces neither CPU time nor memory, so the tests measure and compare:
 * CPU time of the workerd process (/proc), which stays steady on a busy machine, and its
 * resident memory.
 */
export const CLOUDFLARE_LIMITS = {
  /** Default CPU time per HTTP request on Paid (configurable up to 5 min); Free has 10 ms. */
  cpuMsPerRequest: 30_000,
  /** Memory per isolate, heap and array buffers together. */
  memoryBytes: 128 * 1024 * 1024,
};

export const BUDGETS = {
  /** CPU time of one login (scrypt N=2^14, r=8, p=6 in JS + the app): 20x under the limit. */
  loginCpuMs: 1_500,
  /** Four logins at once in one isolate: their scrypt buffers within half the isolate. */
  concurrentLoginsBytes: 80 * 1024 * 1024,
  /** CPU time to parse a small upload (1000 staff rows). */
  smallParseCpuMs: 1_000,
  /** The largest accepted upload must parse within half the isolate's memory. */
  largestParsePeakBytes: 64 * 1024 * 1024,
  /** …and within a third of the CPU limit. */
  largestParseMs: 10_000,
};

/** Largest staff list we promise on Workers (src/workers-limits.ts caps rows and cells). */
export const LARGEST_ROWS_ON_WORKERS = 12_000;
