/**
 * Rows and cells counted in the raw file before parsing (Workers' memory cap): exact on what
 * SheetJS and Swedish Excel write, and a file one past a cap is refused with a Swedish
 * message, without SheetJS ever seeing it.
 */
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { readSheet } from "../../../imports/read";
import { checkCsvSize, checkXlsxSize } from "../../../imports/read/size-guard";
import { DEFAULT_READ_LIMITS, ImportFileError } from "../../../imports/read/types";
import { utf8, xlsxBytes } from "../../helpers/files";

const HUGE = { maxRows: 1e9, maxCells: 1e9 };
const table = (rows: number, cols: number) =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => `r${r}c${c}`));

describe("size guard", () => {
  it.each([
    [1, 1],
    [3, 9],
    [250, 4],
  ])("counts %i rows × %i columns of an .xlsx exactly", (rows, cols) => {
    expect(checkXlsxSize(xlsxBytes(table(rows, cols)), HUGE)).toEqual({
      rows,
      cells: rows * cols,
    });
  });

  it("counts tags with a namespace prefix and ignores closing tags and look-alikes", () => {
    const xml =
      '<x:worksheet><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:col/><x:c r="B1"/></x:row>' +
      '<row r="2"><c r="A2" t="s"><v>0</v></c><cols/></row></x:sheetData></x:worksheet>';
    const zip = zipSync({ "xl/worksheets/sheet1.xml": new TextEncoder().encode(xml) });
    expect(checkXlsxSize(zip, HUGE)).toEqual({ rows: 2, cells: 3 });
  });

  it("counts tags split across inflate chunks", () => {
    const row = '<row r="1"><c r="A1"><v>1</v></c></row>';
    const xml = `<worksheet><sheetData>${row.repeat(20_000)}</sheetData></worksheet>`;
    const zip = zipSync({ "xl/worksheets/sheet1.xml": new TextEncoder().encode(xml) });
    expect(checkXlsxSize(zip, HUGE)).toEqual({ rows: 20_000, cells: 20_000 });
  });

  it.each([
    [
      "semicolons with a title row",
      "Personal 2025\r\nA;B;C\r\n1;2;3\r\n4;5;6\r\n",
      { rows: 4, cells: 10 },
    ],
    ["commas, no final line break", "A,B\n1,2\n3,4", { rows: 3, cells: 6 }],
    ["tabs", "A\tB\tC\n1\t2\t3\n", { rows: 2, cells: 6 }],
  ])("counts a CSV with %s", (_what, text, expected) => {
    expect(checkCsvSize(utf8(text), HUGE)).toEqual(expected);
  });

  it.each([
    ["rows", { maxRows: 99, maxCells: 1e9 }, /fler än 99 rader/],
    ["cells", { maxRows: 1e9, maxCells: 299 }, /fler än 299 celler/],
  ])("refuses an .xlsx one past the %s cap", (_what, caps, message) => {
    const bytes = xlsxBytes(table(100, 3));
    expect(() => checkXlsxSize(bytes, caps)).toThrow(ImportFileError);
    expect(() => checkXlsxSize(bytes, caps)).toThrow(message);
    expect(checkXlsxSize(bytes, { maxRows: 100, maxCells: 300 })).toEqual({
      rows: 100,
      cells: 300,
    });
  });

  it("refuses a deflate-compressed workbook too, as Excel saves them", () => {
    const rows = Array.from({ length: 400 }, (_, i) => [i, i + 1, i + 2]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), "Blad1");
    const bytes = new Uint8Array(
      XLSX.write(book, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer,
    );
    expect(checkXlsxSize(bytes, HUGE)).toEqual({ rows: 400, cells: 1200 });
    expect(() => checkXlsxSize(bytes, { maxRows: 1e9, maxCells: 1199 })).toThrow(
      /1\u00a0199 celler/,
    );
  });

  it("readSheet applies the caps before parsing only when preParseMaxCells is set", () => {
    const bytes = xlsxBytes(table(100, 3));
    const capped = { ...DEFAULT_READ_LIMITS, maxRows: 1e6, preParseMaxCells: 299 };
    expect(() => readSheet(bytes, "personal.xlsx", capped)).toThrow(
      /Filen har fler än 299 celler.*kommandoraden/,
    );
    expect(() => readSheet(utf8("A;B;C\n".repeat(100)), "personal.csv", capped)).toThrow(
      /fler än 299 celler/,
    );
    expect(readSheet(bytes, "personal.xlsx").rows).toHaveLength(100);
  });
});
