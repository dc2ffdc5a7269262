/**
 * Cell values of an .xlsx read straight from its XML parts (which the zip guard has already
 * unpacked: xlsx-parts.ts). SheetJS builds a cell object per cell, formats and all, at ≈7 µs a
 * cell on this project's machine: 70 ms of a 1 000-row staff list's 150 ms import. Reading
 * values only takes a tenth of that.
 *
 * What it reads is what SheetJS's dense read gives the import (readWorkbook in xlsx.ts): the
 * same parts found the same way, the same cells in the same places, the same values. The
 * equivalence test (test/imports/read/xlsx-values.test.ts) holds the two side by side. Where a
 * file is outside the plain XML that Excel, LibreOffice and SheetJS write, this returns null
 * and SheetJS reads it.
 *
 * One deliberate difference: a formula's text result (t="str") is unescaped once, as written.
 * SheetJS unescapes it twice, so a result "&lt;" shows as "<" there, and between the two
 * passes decodes it as UTF-8 once more, so a reference such as "&#229;" (å) shows as U+FFFD.
 */

import type { Cell } from "./types";
import {
  CHARTSHEET,
  contentTypes,
  decode,
  hasComments,
  relationships,
  WORKSHEETS,
  workbookSheets,
} from "./xlsx-package";
import { sheetRowsOf } from "./xlsx-sheet";
import { sharedStringTable } from "./xlsx-strings";

export interface SheetValues {
  name: string;
  /** Row index (0-based, as Excel's row number − 1) → cells by column; holes are empty. */
  rows: Array<Cell[] | undefined>;
}

export interface WorkbookValues {
  sheets: SheetValues[];
  date1904: boolean;
}

/**
 * The workbook's sheets with their values, or null where this reader steps aside. Rows past
 * `sheetRows` (as SheetJS's option of that name) are not read.
 */
export function readXlsxValues(
  parts: Map<string, Uint8Array>,
  sheetRows: number,
): WorkbookValues | null {
  try {
    return readParts(parts, sheetRows);
  } catch {
    // NotPlainXml, or anything unforeseen: SheetJS reads the file (slower, never refused
    // for this reader's sake).
    return null;
  }
}

function readParts(parts: Map<string, Uint8Array>, sheetRows: number): WorkbookValues | null {
  const text = (path: string) => {
    const bytes = parts.get(path.replace(/^\//, "").toLowerCase());
    return bytes ? decode(bytes) : null;
  };
  const types = text("[Content_Types].xml");
  if (types === null) return null;
  const { workbook: listedWorkbook, sharedStrings, required } = contentTypes(types);
  if (required.some((part) => !parts.has(part.replace(/^\//, "").toLowerCase()))) return null;
  const workbookPath = listedWorkbook ?? (parts.has("xl/workbook.xml") ? "xl/workbook.xml" : null);
  if (!workbookPath?.endsWith(".xml")) return null;
  const workbookXml = text(workbookPath);
  if (workbookXml === null) return null;

  const slash = workbookPath.lastIndexOf("/");
  const dir = workbookPath.slice(0, slash + 1);
  let relsPath = `${dir}_rels/${workbookPath.slice(slash + 1)}.rels`;
  if (!parts.has(relsPath.toLowerCase())) relsPath = "xl/_rels/workbook.xml.rels";
  const relsXml = text(relsPath);
  if (relsXml === null) return null;
  const rels = relationships(relsXml);
  const relsDir = relsPath.replace(/_rels.*/, "");

  const strings = sharedStrings ? sharedStringTable(text(sharedStrings) ?? "") : [];
  const { sheets, date1904 } = workbookSheets(workbookXml);
  const out: SheetValues[] = [];
  for (const sheet of sheets) {
    const rel = rels.get(sheet.id);
    if (!rel) return null;
    if (rel.type === CHARTSHEET) {
      out.push({ name: sheet.name, rows: [] });
      continue;
    }
    // SheetJS reads a relationship without a type as a worksheet, and fails on other types.
    if (rel.type !== "" && !WORKSHEETS.has(rel.type)) return null;
    // Where SheetJS looks for the sheet's part, in its order.
    const path = [`xl/${rel.target.replace(/\/?xl\//, "")}`, rel.target, relsDir + rel.target].find(
      (p) => parts.has(p.toLowerCase()),
    );
    const xml = path ? text(path) : null;
    if (xml === null || hasComments(parts, path!)) return null;
    out.push({ name: sheet.name, rows: sheetRowsOf(xml, strings, sheetRows) });
  }
  // SheetJS keeps sheets by name: of two with one name, both show the one read last.
  const byName = new Map(out.map((sheet) => [sheet.name, sheet.rows]));
  for (const sheet of out) sheet.rows = byName.get(sheet.name) ?? sheet.rows;
  return { sheets: out, date1904 };
}
