import Papa from "papaparse";
import { describe, expect, it, vi } from "vitest";
import { detectDelimiter, readCsv } from "../../../imports/read/csv";
import { DEFAULT_READ_LIMITS } from "../../../imports/read/types";
import { cp1252, utf8 } from "../../helpers/files";

describe("detectDelimiter", () => {
  it.each([
    ["Anst.nr;Namn;Enhet\n1;Anna Berg;Sätra\n2;Bo Ek;Sätra\n", ";"],
    ['Namn,E-post,Kurs\n"Berg, Anna",a@x.se,VBE\nBo Ek,b@x.se,VBE\n', ","],
    ["Namn\tE-post\tKurs\nAnna\ta@x.se\tVBE\n", "\t"],
    ["Personalförteckning, per 2025\nUttag 2025-12-31\nA;B;C\n1;2;3\n4;5;6\n", ";"],
  ])("%j → %j", (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe("readCsv", () => {
  it("keeps Excel's row numbers: title rows and blank lines count, quoted newlines do not", () => {
    const text =
      'Titel\r\n\r\nNamn;Kommentar\r\n"Berg, Anna";"rad ett\r\nrad två"\r\nBo Ek;"säger ""hej"""\r\n';
    const sheet = readCsv(utf8(text), DEFAULT_READ_LIMITS);
    expect(sheet.rows).toEqual([
      { row: 1, cells: ["Titel"] },
      { row: 3, cells: ["Namn", "Kommentar"] },
      { row: 4, cells: ["Berg, Anna", "rad ett\r\nrad två"] },
      { row: 5, cells: ["Bo Ek", 'säger "hej"'] },
    ]);
  });

  it("honours Excel's sep= line and keeps row numbers", () => {
    const sheet = readCsv(utf8("sep=,\nNamn;Kommentar,Kurs\nA;B,C\n"), DEFAULT_READ_LIMITS);
    expect(sheet.rows).toEqual([
      { row: 2, cells: ["Namn;Kommentar", "Kurs"] },
      { row: 3, cells: ["A;B", "C"] },
    ]);
  });

  it("reads Windows-1252 with an en dash", () => {
    const sheet = readCsv(cp1252("Enhet;Kurs\nFältgruppen – ungdom;VBE\n"), DEFAULT_READ_LIMITS);
    expect(sheet.rows[1]!.cells).toEqual(["Fältgruppen – ungdom", "VBE"]);
    expect(sheet.format).toBe("CSV, Windows-1252, semikolon");
  });

  it("reads UTF-8 with BOM without a stray character in the first header", () => {
    const sheet = readCsv(utf8("Namn,E-post\nAnna,a@x.se\n", true), DEFAULT_READ_LIMITS);
    expect(sheet.rows[0]!.cells[0]).toBe("Namn");
  });
});

describe("readCsv on a file of nothing but line breaks", () => {
  it("stops parsing just past the row limit instead of building every row first", () => {
    const parse = vi.spyOn(Papa, "parse");
    const limits = { ...DEFAULT_READ_LIMITS, maxRows: 100 };
    try {
      expect(() => readCsv(utf8(`a;b\n${"\n".repeat(50_000)}`), limits)).toThrow(
        /fler än 100 rader/,
      );
      const rowsBuilt = parse.mock.results.map((r) => (r.value as { data: unknown[] }).data.length);
      expect(Math.max(...rowsBuilt)).toBeLessThanOrEqual(limits.maxRows + 51);
    } finally {
      parse.mockRestore();
    }
  });
});
