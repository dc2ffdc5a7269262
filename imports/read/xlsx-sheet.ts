/** One worksheet's cells, placed where SheetJS's dense read places them. */
import type { Cell } from "./types";
import { richText } from "./xlsx-strings";
import { isXmlSpace } from "./xml-chars";
import { NotPlainXml, unescapeXml, XmlScanner } from "./xml-scan";

/** Rows of one worksheet's cells, placed where SheetJS places them. */
export function sheetRowsOf(
  xml: string,
  strings: Array<string | undefined>,
  sheetRows: number,
): Array<Cell[] | undefined> {
  const rows: Array<Cell[] | undefined> = [];
  const scan = new XmlScanner(xml);
  if (!scan.find("sheetData") || scan.selfClosing) return rows;
  const dataStart = scan.start;
  let rowNumber = 0;
  let column = -1;
  let inRow = false;
  for (;;) {
    if (!scan.next()) throw new NotPlainXml("unclosed <sheetData>");
    if (scan.closing) {
      if (scan.is("sheetData")) {
        // Links come after the sheet data; any before it count too, as in SheetJS.
        return withHyperlinks(rows, xml.slice(0, dataStart) + xml.slice(scan.end));
      }
      if (scan.is("row")) inRow = false;
      continue;
    }
    // SheetJS finds a <row>'s and a <c>'s end by their first `>`.
    if (scan.gtInValue) throw new NotPlainXml("'>' in an attribute value");
    if (scan.is("row")) {
      // An empty <row/> is passed over entirely, its number too, as SheetJS does.
      if (scan.selfClosing) continue;
      const r = scan.attr("r");
      rowNumber = r === undefined ? rowNumber + 1 : positive(r);
      column = -1;
      inRow = true;
      // Text before a row's first cell is a cell of its own to SheetJS (shifting the cells
      // without r= after it).
      const next = xml.indexOf("<", scan.end);
      for (let i = scan.end; i < next; i++) {
        if (!isXmlSpace(xml.charCodeAt(i))) throw new NotPlainXml("text in a row");
      }
      continue;
    }
    if (!scan.is("c") || !inRow) throw new NotPlainXml(`<${scan.name()}> in sheetData`);
    // SheetJS splits a row at "<c" and a space, "/" or ">": a <c> with a line end after
    // its name would be part of the cell before.
    const after = scan.afterName();
    if (after === 0x0a || after === 0x0d) throw new NotPlainXml("line end after <c");
    const from = scan.start;
    const ref = scan.attr("r");
    let row = rowNumber - 1;
    if (ref === undefined) column++;
    else [row, column] = cellAt(ref);
    const cell = cellOf(scan, strings);
    // A cell without its own reference is placed by SheetJS at the first `r="…"` anywhere
    // in it (in a data table's dtr="1", or in text): such a cell is SheetJS's to place.
    if (ref === undefined && R_ATTRIBUTE.test(xml.slice(from, scan.end))) {
      throw new NotPlainXml("r= inside a cell without a reference");
    }
    // Rows past the limit are not kept (SheetJS's sheetRows); a stub is not kept either.
    if (sheetRows < rowNumber || cell === STUB) continue;
    const line = rows[row] ?? [];
    rows[row] = line;
    line[column] = cell;
  }
}

const HYPERLINK = /<(?:\w+:)?hyperlink [^<>]*>/g;
const RANGE = /^([A-Z]{1,3})([1-9]\d{0,6})(?::([A-Z]{1,3})([1-9]\d{0,6}))?$/;

/**
 * SheetJS gives every cell a hyperlink covers a place of its own, empty where the cell has
 * no value (Excel keeps a link on a cell whose text was deleted), beyond sheetRows too. Such
 * a row counts: a sheet of links only has data, a link far down makes the sheet too long.
 */
function withHyperlinks(
  rows: Array<Cell[] | undefined>,
  outsideData: string,
): Array<Cell[] | undefined> {
  // Links over more cells than a list has are SheetJS's to lay out (at its own pace).
  let budget = 100_000;
  for (const [tag] of outsideData.matchAll(HYPERLINK)) {
    const scan = new XmlScanner(tag);
    scan.next();
    const ref = scan.attr("ref");
    // SheetJS stops at the first link without a ref.
    if (!ref) break;
    const range = RANGE.exec(ref);
    if (!range) throw new NotPlainXml(`hyperlink ${ref}`);
    const [top, left] = cellAt(`${range[1]}${range[2]}`);
    const [bottom, right] = range[3] ? cellAt(`${range[3]}${range[4]}`) : [top, left];
    budget -= Math.max(0, bottom - top + 1) * Math.max(0, right - left + 1);
    if (budget < 0) throw new NotPlainXml("links over too many cells");
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        const line = rows[r] ?? [];
        rows[r] = line;
        line[c] ??= null;
      }
    }
  }
  return rows;
}

/** What SheetJS takes for a cell's reference (its parse_ws_xml_data's rregex). */
const R_ATTRIBUTE = /r=["']/;

/** A cell without a value or a type: SheetJS keeps none. */
const STUB = Symbol("stub");

/** The value of the cell whose opening <c> is current; reads up to its </c>. */
function cellOf(scan: XmlScanner, strings: Array<string | undefined>): Cell | typeof STUB {
  const type = scan.attr("t");
  let raw: string | undefined;
  let inline: string | undefined;
  if (!scan.selfClosing) {
    for (;;) {
      if (!scan.next()) throw new NotPlainXml("unclosed <c>");
      if (scan.closing) {
        if (scan.is("c")) break;
      } else if (scan.is("v")) {
        if (!scan.selfClosing) raw = scan.text() || undefined;
      } else if (scan.is("is")) {
        if (!scan.selfClosing) inline = richText(scan, "is");
      } else scan.skipElement();
    }
  }
  if (type === undefined && raw === undefined) return STUB;
  // An empty t="" is a number to SheetJS, as no t is.
  switch (type || "n") {
    case "n": {
      if (raw === undefined) return STUB;
      const n = Number.parseFloat(unescapeXml(raw));
      return Number.isFinite(n) ? n : null;
    }
    case "s": {
      if (raw === undefined) return STUB;
      const index = Number.parseInt(raw, 10);
      if (!(index >= 0 && index < strings.length)) throw new NotPlainXml("shared string index");
      return text(strings[index]);
    }
    case "str":
      return text(raw === undefined ? "" : unescapeXml(raw, true));
    case "inlineStr":
      return text(inline);
    case "b": {
      const value = raw === undefined ? raw : unescapeXml(raw);
      return value === "1" || value === "true" ? "SANT" : "FALSKT";
    }
    case "d":
      // An ISO date cell: SheetJS turns it into a serial by its own date rules.
      throw new NotPlainXml("date cell");
    default:
      // Errors (#N/A) and unknown types carry no value, but the cell is there.
      return null;
  }
}

/** Text as a value: whitespace only is empty. */
function text(s: string | undefined): Cell {
  return s === undefined || s.trim() === "" ? null : s;
}

/** A row number as SheetJS reads it (parseInt: "1e1" is 1), from 1 up. */
function positive(digits: string): number {
  const n = Number.parseInt(digits, 10);
  if (!(n >= 1)) throw new NotPlainXml(`row ${digits}`);
  return n;
}

/** "AB7" → [row 6, column 27], both 0-based; A–XFD and 1–9 999 999, upper case only. */
function cellAt(ref: string): [number, number] {
  let column = 0;
  let i = 0;
  for (; i < ref.length && i < 3; i++) {
    const c = ref.charCodeAt(i);
    if (c < 0x41 || c > 0x5a) break;
    column = column * 26 + c - 0x40;
  }
  let row = 0;
  const digits = ref.length - i;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) break;
    row = row * 10 + d;
  }
  if (column === 0 || row === 0 || i < ref.length || digits > 7)
    throw new NotPlainXml(`cell ${ref}`);
  return [row - 1, column - 1];
}
