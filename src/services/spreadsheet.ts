/**
 * Writes export tables as .xlsx (SheetJS, as bytes — no Buffer, so it runs on Workers) or as
 * CSV for Swedish Excel. Text cells are formula-escaped by the domain's cell functions.
 */
import * as XLSX from "xlsx";
import { toCsv, toSheetRows } from "../domain/export-cells";
import type { ExportTable } from "../domain/export-tables";

export type ExportFormat = "xlsx" | "csv";

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

export function xlsxBytes(table: ExportTable, sheetName: string): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet(toSheetRows(table.header, table.rows));
  sheet["!cols"] = table.header.map((h) => ({ wch: Math.max(12, h.length + 2) }));
  const book = XLSX.utils.book_new();
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  XLSX.utils.book_append_sheet(book, sheet, sheetName.replace(/[:\\/?*[\]]/g, "-").slice(0, 31));
  const out = XLSX.write(book, {
    type: "array",
    bookType: "xlsx",
    compression: true,
  }) as ArrayBuffer;
  return new Uint8Array(out);
}

export function exportBody(
  table: ExportTable,
  format: ExportFormat,
  sheetName: string,
): Uint8Array | string {
  return format === "xlsx" ? xlsxBytes(table, sheetName) : toCsv(table.header, table.rows);
}

/** A Content-Disposition header with an ASCII fallback and the UTF-8 name. */
export function attachment(fileName: string): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
