import { describe, expect, it } from "vitest";
import { ImportFileError } from "../../../imports/read";
import { type CellCount, worksheetCellCounter } from "../../../imports/read/worksheet-cells";

const sheet = (body: string) =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body}</worksheet>`;

/** Feeds `xml` to a counter in chunks of `size` bytes and returns what it counted. */
function countInChunks(xml: string, size: number, maxCells = 1e9): CellCount {
  const bytes = new TextEncoder().encode(xml);
  const counter = worksheetCellCounter(maxCells);
  for (let at = 0; at < bytes.length; at += size) counter(bytes.subarray(at, at + size));
  return counter.count();
}

const count = (rows: number, columns: number, cells: number) => ({ rows, columns, cells });

describe("worksheet cell counter (rows × used columns, read from the raw XML bytes)", () => {
  it.each<[string, string, CellCount]>([
    [
      "rows with r, cells without r: the next column",
      '<sheetData><row r="1"><c><v>1</v></c><c/></row><row r="2"><c t="s"><v>0</v></c></row></sheetData>',
      count(2, 2, 3),
    ],
    [
      "a cell without r follows the one before it",
      '<sheetData><row r="1"><c r="C1"/><c/></row></sheetData>',
      count(1, 4, 2),
    ],
    [
      "rows without r: the next row",
      "<sheetData><row><c/></row><row><c/><c/><c/></row><row><c/></row></sheetData>",
      count(3, 3, 5),
    ],
    [
      "a row without r after one with r",
      '<sheetData><row r="5"><c r="B5"/></row><row><c/></row></sheetData>',
      count(6, 2, 2),
    ],
    [
      "column letters: Z, AA and the last one, XFD",
      '<sheetData><row r="1"><c r="Z1"/><c r="AA1"/></row><row r="2"><c r="XFD2"/></row></sheetData>',
      count(2, 16_384, 3),
    ],
    [
      "attributes in any order, with single quotes or line breaks",
      '<sheetData><row spans="1:4"\n r=\'7\'><c s="1"\tr=\'D7\' t="s"><v>3</v></c></row></sheetData>',
      count(7, 4, 1),
    ],
    [
      "the declared dimension is believed",
      '<dimension ref="A1:J5000"/><sheetData><row r="1"><c r="A1"/></row></sheetData>',
      count(5000, 10, 1),
    ],
    ["a one-cell dimension", '<dimension ref="B3"/><sheetData/>', count(3, 2, 0)],
    [
      "the whole-sheet dimension says nothing",
      '<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1"/><c r="B1"/></row></sheetData>',
      count(1, 2, 2),
    ],
    [
      "a dimension that lies is outgrown by the rows",
      `<dimension ref="A1:B2"/><sheetData>${"<row><c/><c/><c/></row>".repeat(5)}</sheetData>`,
      count(5, 3, 15),
    ],
    [
      "look-alike tags are not cells or rows",
      '<cols><col min="1" max="9"/></cols><sheetData/><rowBreaks count="1"><brk id="3"/></rowBreaks><conditionalFormatting><cfRule type="x"/></conditionalFormatting>',
      count(0, 0, 0),
    ],
    [
      "r inside another attribute's value or in text is no reference",
      '<sheetData><row r="2"><c t="str" x=" r=&quot;Z9&quot;"><v>r="Z9"</v></c></row></sheetData>',
      count(2, 1, 1),
    ],
  ])("%s", (_name, body, expected) => {
    const xml = sheet(body);
    // Every chunk size up to the whole document: each tag is cut at every possible byte.
    for (let size = 1; size <= xml.length; size++) {
      expect(countInChunks(xml, size), `chunks of ${size} bytes`).toEqual(expected);
    }
  });

  it("refuses as soon as rows × columns pass the cap, naming both and the limit", () => {
    const bomb = sheet(
      `<dimension ref="A1:B2"/><sheetData>${`<row>${"<c><v>1</v></c>".repeat(15)}</row>`.repeat(100)}</sheetData>`,
    );
    expect(() => countInChunks(bomb, bomb.length, 1000)).toThrow(ImportFileError);
    expect(() => countInChunks(bomb, 7, 1000)).toThrow(
      /67 rader × 15 kolumner, 1\s005 celler\. Högst 1\s000 celler/,
    );
    expect(countInChunks(bomb, 7, 1500)).toEqual(count(100, 15, 1500));
  });

  it("refuses a declared dimension over the cap before any row", () => {
    const xml = sheet(
      '<dimension ref="A1:J5000"/><sheetData><row r="1"><c r="A1"/></row></sheetData>',
    );
    const counter = worksheetCellCounter(1000);
    const bytes = new TextEncoder().encode(xml);
    const end = xml.indexOf("<sheetData>");
    expect(() => counter(bytes.subarray(0, end))).toThrow(/5\s000 rader × 10 kolumner/);
  });
});
