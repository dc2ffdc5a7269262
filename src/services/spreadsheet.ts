/**
 * Writes export tables as .xlsx (our own SpreadsheetML parts, zipped with fflate — bytes, no
 * Buffer, so it runs on Workers) or as CSV for Swedish Excel (formula-escaped text there).
 */
import { zipSync } from "fflate";
import { ABOUT_SHEET, aboutRows, type ExportAbout } from "../domain/export-about";
import { toCsv } from "../domain/export-cells";
import type { ExportTable } from "../domain/export-tables";
import { type XlsxSheet, xlsxParts } from "../domain/export-xlsx";

export type ExportFormat = "xlsx" | "csv";

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

/** The table on its own sheet, then "Om rapporten" explaining it. */
export function xlsxBytes(table: ExportTable, sheetName: string, about: ExportAbout): Uint8Array {
  return workbookBytes([
    { name: sheetName, kinds: table.kinds, rows: [table.header, ...table.rows], layout: "table" },
    {
      name: ABOUT_SHEET,
      kinds: ["text", "text"],
      rows: aboutRows(about, table.header),
      layout: "notes",
    },
  ]);
}

/** Any set of sheets as one zipped .xlsx workbook. */
export function workbookBytes(sheets: readonly XlsxSheet[]): Uint8Array {
  const parts = xlsxParts(sheets);
  const encoder = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  // [Content_Types].xml first, as Office writes it; some readers sniff the first entry.
  for (const path of ["[Content_Types].xml", ...Object.keys(parts)]) {
    files[path] ??= encoder.encode(parts[path]!);
  }
  // Entry dates say nothing here; a fixed one keeps the bytes reproducible.
  return zipSync(files, { level: 6, mtime: new Date("2000-01-01T00:00:00Z") });
}

export function exportBody(
  table: ExportTable,
  format: ExportFormat,
  sheetName: string,
  about: ExportAbout,
): Uint8Array | string {
  if (format === "xlsx") return xlsxBytes(table, sheetName, about);
  // A blank line, then the notes: the table stays a table for anyone reading it as one.
  const rows = table.notes ? [...table.rows, [], ...table.notes] : table.rows;
  return toCsv(table.header, rows);
}

/** A Content-Disposition header with an ASCII fallback and the UTF-8 name. */
export function attachment(fileName: string): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
