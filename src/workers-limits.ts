/**
 * Largest upload accepted on Workers (src/worker.ts passes it to createApp): a staff list of
 * ~10 000 rows (≈1.3 MB xlsx) parses within half of an isolate's 128 MB, measured in
 * test/workers/limits. Larger files: HR runs the CLI against the same database.
 */
export const WORKERS_UPLOAD_LIMIT_BYTES = 1.5 * 1024 * 1024;
