/**
 * What one upload may cost on Workers, where an isolate has 128 MB. SheetJS needs ~300
 * bytes per cell while parsing (bench/WORKERS.md), so the cap is on cells and rows, counted
 * in the raw file before any parser runs (imports/read/size-guard.ts): a compact 1.5 MB
 * .xlsx can hold 50 000 rows, which would need ≈130 MB. 120 000 cells (e.g. 12 000 staff rows
 * of 10 columns) parse within 64 MB, half the isolate; the request body, the importer's row
 * objects and the app need the rest. Larger files: the CLI against the same database.
 */
import type { ReadLimits } from "../imports/read/types";

export const WORKERS_UPLOAD_LIMIT_BYTES = 1.5 * 1024 * 1024;

export const WORKERS_READ_LIMITS: Partial<ReadLimits> = {
  maxRows: 12_000,
  // Counted in the raw file before any parser runs (imports/read/size-guard.ts).
  preParseMaxCells: 120_000,
  maxColumns: 200,
  // A 12 000-row staff list unpacks to ~5 MB; 24 MB leaves room for styled sheets, not bombs.
  maxUnzippedBytes: 24 * 1024 * 1024,
};
