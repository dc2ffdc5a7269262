/**
 * OpenDocument spreadsheets (.ods, flat .fods) as LibreOffice writes them: accepted wherever
 * .xlsx is, behind the same zip guard and limits, without SheetJS's console noise.
 * Fixtures: test/fixtures/ods/ (written by LibreOffice 7.4, see generate.ts there).
 */
import { readFileSync } from "node:fs";
import { unzipSync, zipSync } from "fflate";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as XLSX from "xlsx";
import { DEFAULT_READ_LIMITS, ImportFileError, readSheet } from "../../../imports/read";
import { utf8, xlsxBytes } from "../../helpers/files";

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/ods/${name}`, import.meta.url)));

const NOISE = /ODS number format/;

describe("reading LibreOffice's .ods and .fods", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    ["personal-2025-12-31.ods", "OpenDocument (.ods), blad 'Personal'"],
    ["personal-2025-12-31.fods", "OpenDocument (.fods), blad 'Personal'"],
    ["personal-2025-12-31.xlsx", "Excel (.xlsx), blad 'Personal'"],
  ])("%s gives the same cells as LibreOffice's .xlsx of the same data", (name, format) => {
    const sheet = readSheet(fixture(name), name);
    expect(sheet.format).toBe(format);
    expect(sheet.rows).toEqual(readSheet(fixture("personal-2025-12-31.xlsx"), "p.xlsx").rows);
    // Anna Berg's row: ids as text, the date as its serial (2012-08-15), the 3-part number.
    expect(sheet.rows[3]).toMatchObject({ row: 5 });
    expect(sheet.rows[3]!.cells[0]).toBe("100001");
    expect(sheet.rows[3]!.cells[8]).toBe(41136);
    expect(sheet.rows[3]!.cells[10]).toBe(100);
  });

  it("keeps SheetJS's 'ODS number format may be incorrect' off the console", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    // Proof the fixture triggers it: SheetJS on its own prints the warning.
    XLSX.read(fixture("personal-2025-12-31.ods"), { type: "array" });
    expect(error.mock.calls.some((args) => NOISE.test(String(args[0])))).toBe(true);
    error.mockClear();
    readSheet(fixture("personal-2025-12-31.ods"), "p.ods");
    readSheet(fixture("personal-2025-12-31.fods"), "p.fods");
    expect(error).not.toHaveBeenCalled();
    // Other console.error output still gets through afterwards.
    console.error("annat fel");
    expect(error).toHaveBeenCalledWith("annat fel");
  });

  it.each([
    ["a text file named .ods", utf8("Namn;E-post\nAnna;a@x.se"), "a.ods", /inget OpenDocument/],
    ["a zip named .fods", xlsxBytes([["a"]]), "a.fods", /är packad/],
    ["a zip that is no spreadsheet", zipSync({ "a.txt": utf8("x") }), "a.ods", /kunde inte läsas/],
    ["an .ods named .csv", fixture("narvaro-fordjupning.ods"), "a.csv", /är en Excel-fil/],
  ])("refuses %s with a Swedish message", (_, bytes, name, message) => {
    expect(() => readSheet(bytes, name)).toThrow(ImportFileError);
    expect(() => readSheet(bytes, name)).toThrow(message);
  });

  it("names .ods in the list of accepted types", () => {
    expect(() => readSheet(utf8("x"), "a.numbers")).toThrow(
      "Filtypen .numbers stöds inte. Använd Excel (.xlsx, .xls), OpenDocument (.ods) eller CSV (.csv).",
    );
  });

  it("applies the zip guard and the size and row limits to .ods too", () => {
    const files = unzipSync(fixture("narvaro-fordjupning.ods"));
    files["Pictures/padding.bin"] = new Uint8Array(8 * 1024 * 1024);
    const bomb = zipSync(files, { level: 9 });
    const limits = { ...DEFAULT_READ_LIMITS, maxUnzippedBytes: 4 * 1024 * 1024 };
    expect(() => readSheet(bomb, "bomb.ods", limits)).toThrow(/packas upp till mer än 4 MB/);
    const small = { ...DEFAULT_READ_LIMITS, maxBytes: 1000 };
    expect(() => readSheet(fixture("narvaro-fordjupning.ods"), "n.ods", small)).toThrow(
      /högst 1 kB tas emot/,
    );
    const long = XLSX.utils.book_new();
    const rows = Array.from({ length: 80 }, (_, r) => [`r${r}`]);
    XLSX.utils.book_append_sheet(long, XLSX.utils.aoa_to_sheet(rows), "Blad1");
    const ods = new Uint8Array(XLSX.write(long, { type: "array", bookType: "ods" }));
    const few = { ...DEFAULT_READ_LIMITS, maxRows: 20 };
    expect(() => readSheet(ods, "lang.ods", few)).toThrow(/fler än 20 rader/);
  });
});
