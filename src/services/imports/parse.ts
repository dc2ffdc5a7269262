/**
 * Bytes → validated rows, once per request. Pure computation (no database): on Node it runs
 * in a worker thread (node-worker.ts) so the server's event loop stays free; on Workers and
 * in tests it runs in place. The course index is data, so course files parse the same way.
 */
import { type CompletionRows, parseCompletionRows } from "../../../imports/completion-rows";
import { readSheet } from "../../../imports/read";
import { ImportFileError, type ReadLimits } from "../../../imports/read/types";
import { parseStaffRows, type StaffRows } from "../../../imports/staff-rows";
import { toTable } from "../../../imports/table";
import { sha256Hex } from "./record";

export interface ParsedFile<R> {
  rows: R;
  format: string;
  sha256: string;
}

export async function parseStaffFile(
  bytes: Uint8Array,
  fileName: string,
  limits?: ReadLimits,
): Promise<ParsedFile<StaffRows>> {
  const sheet = readSheet(bytes, fileName, limits);
  const rows = parseStaffRows(toTable(sheet, "personalförteckning"));
  if (rows.rows.length === 0 && rows.errors.length === 0) {
    throw new ImportFileError("Filen har en rubrikrad men inga personer under den.");
  }
  return { rows, format: sheet.format, sha256: await sha256Hex(bytes) };
}

export async function parseCompletionFile(
  bytes: Uint8Array,
  fileName: string,
  courseIndex: Map<string, string>,
  limits?: ReadLimits,
): Promise<ParsedFile<CompletionRows>> {
  const sheet = readSheet(bytes, fileName, limits);
  const rows = parseCompletionRows(toTable(sheet, "kursexport eller närvarolista"), courseIndex);
  if (rows.total === 0)
    throw new ImportFileError("Filen har en rubrikrad men inga rader under den.");
  return { rows, format: sheet.format, sha256: await sha256Hex(bytes) };
}
