import { describe, expect, it } from "vitest";
import { DEFAULT_READ_LIMITS, ImportFileError, readSheet } from "../../../imports/read";
import { DEFAULT_MAX_CELLS } from "../../../imports/read/cell-cap";
import { fflateInflate, useEntryInflater } from "../../../imports/read/inflate";
import { nodeInflater } from "../../../imports/read/node-inflate";
import { handWrittenXlsx, utf8, withDeclaredDimension, xlsxBytes } from "../../helpers/files";

const small = { ...DEFAULT_READ_LIMITS, maxCells: 1000 };
const table = (rows: number, cols: number) =>
  Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => (r === 0 ? `Kolumn ${c}` : `${r}-${c}`)),
  );

/** A one-sheet .xlsx whose sheet XML is written by hand (to make it lie about its size). */
const handWrittenSheet = (xml: string) => handWrittenXlsx([{ name: "Blad1" }], { rawSheet: xml });

const sheetXml = (dimension: string, rows: number, cols: number) => {
  const body: string[] = [];
  for (let r = 1; r <= rows; r++) {
    const cells = Array.from({ length: cols }, () => "<c><v>1</v></c>").join("");
    body.push(`<row r="${r}">${cells}</row>`);
  }
  return `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="${dimension}"/><sheetData>${body.join("")}</sheetData></worksheet>`;
};

describe("cell cap (rows × used columns), checked before parsing", () => {
  it("accepts a sheet at the limit and refuses one just over it, saying what the limit is", () => {
    expect(readSheet(xlsxBytes(table(100, 10)), "a.xlsx", small).rows).toHaveLength(100);
    expect(() => readSheet(xlsxBytes(table(101, 10)), "a.xlsx", small)).toThrow(
      /101 rader × 10 kolumner.*Högst 1\s000 celler/,
    );
  });

  it("refuses on the declared dimension alone, before reading a row", () => {
    const bytes = withDeclaredDimension(xlsxBytes(table(3, 3)), "A1:J5000");
    expect(() => readSheet(bytes, "a.xlsx", small)).toThrow(/5\s000 rader × 10 kolumner/);
  });

  it.each([
    ["fflate", fflateInflate],
    ["node:zlib", nodeInflater()],
  ])(
    "refuses a cell bomb (rows without r, a lying dimension) unpacking with %s",
    (_name, inflater) => {
      const rows = `<row>${"<c><v>1</v></c>".repeat(15)}</row>`.repeat(5000);
      const bomb = handWrittenSheet(
        sheetXml("A1:B2", 0, 0).replace("<sheetData>", `<sheetData>${rows}`),
      );
      useEntryInflater(inflater);
      try {
        expect(() => readSheet(bomb, "bomb.xlsx", small)).toThrow(
          /67 rader × 15 kolumner, 1\s005 celler\. Högst 1\s000 celler/,
        );
      } finally {
        useEntryInflater(nodeInflater());
      }
    },
  );

  it("counts the cells when the dimension lies (claims A1:B2)", () => {
    const bytes = handWrittenSheet(sheetXml("A1:B2", 200, 10));
    expect(() => readSheet(bytes, "a.xlsx", small)).toThrow(ImportFileError);
    expect(() => readSheet(bytes, "a.xlsx", small)).toThrow(/Högst 1\s000 celler/);
    expect(
      readSheet(handWrittenSheet(sheetXml("A1:B2", 20, 10)), "a.xlsx", small).rows,
    ).toHaveLength(20);
  });

  it("the default limit takes a city's files (150 000 rows × 10 columns), far below a bomb's", () => {
    const limit = DEFAULT_READ_LIMITS.maxCells ?? DEFAULT_MAX_CELLS;
    expect(limit).toBeGreaterThanOrEqual(1_500_000);
    expect(limit).toBeLessThanOrEqual(2_000_000);
  });

  it("CSV: counted before parsing; quoted delimiters and line breaks do not count", () => {
    const csv = (rows: number) =>
      utf8(
        table(rows, 10)
          .map((r) => r.join(";"))
          .join("\n"),
      );
    expect(readSheet(csv(100), "a.csv", small).rows).toHaveLength(100);
    expect(() => readSheet(csv(101), "a.csv", small)).toThrow(/Högst 1\s000 celler/);
    const quoted = utf8(Array.from({ length: 400 }, () => '"a;b;c\nd";e').join("\n"));
    expect(readSheet(quoted, "a.csv", small).rows).toHaveLength(400);
  });
});
