import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { DEFAULT_READ_LIMITS, ImportFileError, readSheet } from "../../../imports/read";
import { utf8, withDeclaredDimension, xlsBytes, xlsxBytes } from "../../helpers/files";

const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);

describe("readSheet rejects bad files with a Swedish message", () => {
  it.each([
    ["empty", new Uint8Array(0), "a.xlsx", /tom/],
    ["random bytes named .xlsx", random, "a.xlsx", /ingen Excel-fil/],
    ["random bytes named .csv", random, "a.csv", /binära data/],
    [
      "a zip that is not a workbook",
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
      "a.xlsx",
      /kunde inte läsas/,
    ],
    ["a PDF", utf8("%PDF-1.4 ..."), "a.pdf", /Filtypen \.pdf stöds inte/],
    ["no extension", utf8("a;b\n1;2"), "personal", /utan filändelse/],
    ["Excel named .csv", xlsxBytes([["a"]]), "a.csv", /är en Excel-fil/],
  ])("%s", (_, bytes, name, message) => {
    expect(() => readSheet(bytes, name)).toThrow(ImportFileError);
    expect(() => readSheet(bytes, name)).toThrow(message);
  });

  it("refuses a file over the limit before parsing", () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxBytes: 100 };
    expect(() => readSheet(new Uint8Array(101), "a.csv", limits)).toThrow(
      /Filen är 1 kB; högst 1 kB tas emot/,
    );
  });

  it("refuses absurd sheet dimensions: a value far out in column XFD", () => {
    const ws = XLSX.utils.aoa_to_sheet([["Namn", "E-post"]]);
    ws.XFD1 = { t: "s", v: "x" };
    ws["!ref"] = "A1:XFD1";
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, "Blad1");
    const bytes = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }));
    expect(() => readSheet(bytes, "a.xlsx")).toThrow(/16384 kolumner/);
  });

  it("refuses too many rows", () => {
    const rows = Array.from({ length: 80 }, (_, i) => [`r${i}`]);
    const limits = { ...DEFAULT_READ_LIMITS, maxRows: 20 };
    expect(() => readSheet(xlsxBytes(rows), "a.xlsx", limits)).toThrow(/fler än 20 rader/);
    expect(() => readSheet(utf8(rows.join("\n")), "a.csv", limits)).toThrow(/högst 20/);
  });

  it("accepts a huge declared range when the data itself is small", () => {
    const bytes = withDeclaredDimension(
      xlsxBytes([
        ["Namn", "E-post"],
        ["Anna", "a@x.se"],
      ]),
      "A1:XFD1048576",
    );
    expect(XLSX.read(bytes, { type: "array" }).Sheets.Blad1!["!ref"]).toBe("A1:XFD1048576");
    expect(readSheet(bytes, "a.xlsx").rows).toHaveLength(2);
  });
});

describe("readSheet reads Excel", () => {
  it("keeps numbers (serial dates) as numbers and row numbers as Excel shows them", () => {
    const sheet = readSheet(
      xlsxBytes([["Titel"], [], ["Anst.nr", "Datum"], [100001, 45658]]),
      "p.xlsx",
    );
    expect(sheet.rows).toEqual([
      { row: 1, cells: ["Titel"] },
      { row: 3, cells: ["Anst.nr", "Datum"] },
      { row: 4, cells: [100001, 45658] },
    ]);
  });

  it("picks the sheet with the table, not an instructions sheet before it", () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([["Instruktioner"], ["Fyll i bladet Personal"]]),
      "Läs mig",
    );
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ["Anst.nr", "Namn", "Enhet"],
        [1, "A B", "X"],
      ]),
      "Personal",
    );
    const sheet = readSheet(
      new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" })),
      "p.xlsx",
    );
    expect(sheet.format).toBe("Excel (.xlsx), blad 'Personal'");
    expect(sheet.rows[1]!.cells).toEqual([1, "A B", "X"]);
  });

  it("reads the old .xls format", () => {
    const sheet = readSheet(
      xlsBytes([
        ["Namn", "Kurs"],
        ["Anna Berg", "VBE"],
      ]),
      "p.xls",
    );
    expect(sheet.rows[1]!.cells).toEqual(["Anna Berg", "VBE"]);
  });

  it("notices the 1904 date system", () => {
    expect(readSheet(xlsxBytes([["a"]], { date1904: true }), "p.xlsx").date1904).toBe(true);
  });
});
