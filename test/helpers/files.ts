import iconv from "iconv-lite";
import * as XLSX from "xlsx";

/** An .xlsx workbook with one sheet holding `rows` (strings and numbers as given). */
export function xlsxBytes(
  rows: unknown[][],
  opts: { sheet?: string; date1904?: boolean } = {},
): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), opts.sheet ?? "Blad1");
  if (opts.date1904) wb.Workbook = { WBProps: { date1904: true } };
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }));
}

/** An old binary .xls workbook. */
export function xlsBytes(rows: unknown[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), "Blad1");
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "biff8" }));
}

export function utf8(text: string, bom = false): Uint8Array {
  return new TextEncoder().encode(bom ? `\ufeff${text}` : text);
}

export function cp1252(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, "win1252"));
}

/** Rewrites the declared `<dimension ref>` of the first sheet (what bloated files claim). */
export function withDeclaredDimension(bytes: Uint8Array, ref: string): Uint8Array {
  const cfb = XLSX.CFB.read(bytes, { type: "array" });
  const entry = XLSX.CFB.find(cfb, "/xl/worksheets/sheet1.xml");
  if (!entry?.content) throw new Error("no sheet1.xml");
  const xml = new TextDecoder().decode(entry.content as Uint8Array);
  entry.content = new TextEncoder().encode(
    xml.replace(/<dimension ref="[^"]*"/, `<dimension ref="${ref}"`),
  ) as never;
  return new Uint8Array(XLSX.CFB.write(cfb, { fileType: "zip", type: "array" }) as ArrayBuffer);
}
