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
import { NotPlainXml, unescapeXml, XmlScanner } from "./xml-scan";

export interface SheetValues {
  name: string;
  /** Row index (0-based, as Excel's row number − 1) → cells by column; holes are empty. */
  rows: Array<Cell[] | undefined>;
}

export interface WorkbookValues {
  sheets: SheetValues[];
  date1904: boolean;
}

const CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
const WORKBOOK_TYPES = new Set([
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  "application/vnd.ms-excel.addin.macroEnabled.main+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
]);
const GT = 0x3e;
const SHARED_STRINGS_TYPE =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";

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

const OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CHARTSHEET = `${OFFICE_RELS}/chartsheet`;
const WORKSHEETS = new Set([
  `${OFFICE_RELS}/worksheet`,
  "http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet",
]);
const COMMENTS = new Set([
  `${OFFICE_RELS}/comments`,
  "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
]);

/**
 * Whether the sheet has notes or threaded comments. SheetJS gives a commented cell a place
 * of its own even where it has no value (a sheet of notes only then has data, a note far
 * down lengthens the sheet), with rules of its own for which notes count; such a sheet is
 * SheetJS's to read.
 */
function hasComments(parts: Map<string, Uint8Array>, sheetPath: string): boolean {
  const relsPath = sheetPath.replace(/^(.*)(\/)([^/]*)$/, "$1/_rels/$3.rels").toLowerCase();
  const bytes = parts.get(relsPath);
  if (!bytes) return false;
  for (const rel of relationships(decode(bytes)).values()) if (COMMENTS.has(rel.type)) return true;
  return false;
}

const decoder = new TextDecoder();

function decode(bytes: Uint8Array): string {
  // UTF-16 (a byte-order mark) is rare enough to leave to SheetJS.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new NotPlainXml("UTF-16");
  }
  const xml = decoder.decode(bytes);
  const declared = /^\s*<\?xml[^>]*encoding=["']([^"']+)/.exec(xml.slice(0, 200))?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) throw new NotPlainXml(`encoding ${declared}`);
  return xml;
}

/**
 * Parts that SheetJS reads, outside any try, whenever the content types list them: the first
 * styles, cell metadata and people part. One listed but missing from the package makes
 * SheetJS refuse the file, so this reader steps aside and lets it.
 */
const REQUIRED_TYPES = new Map([
  ["application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml", "styles"],
  ["application/vnd.ms-excel.styles", "styles"],
  ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml", "metadata"],
  ["application/vnd.ms-excel.sheetMetadata", "metadata"],
  ["application/vnd.ms-excel.person+xml", "people"],
]);

function contentTypes(xml: string): {
  workbook: string | null;
  sharedStrings: string | null;
  required: string[];
} {
  const scan = new XmlScanner(xml);
  if (!scan.find("Types") || scan.attr("xmlns") !== CONTENT_TYPES_NS) {
    throw new NotPlainXml("content types");
  }
  let workbook: string | null = null;
  let sharedStrings: string | null = null;
  const required = new Map<string, string>();
  while (scan.find("Override")) {
    const type = scan.attr("ContentType") ?? "";
    const part = scan.attr("PartName") ?? "";
    const kind = REQUIRED_TYPES.get(type);
    if (WORKBOOK_TYPES.has(type)) workbook ??= part.replace(/^\//, "");
    else if (type.startsWith("application/vnd.ms-excel.sheet.binary"))
      throw new NotPlainXml("xlsb");
    else if (type === SHARED_STRINGS_TYPE) sharedStrings ??= part;
    // SheetJS takes this one (an .xlsb's table) as the shared strings as well.
    else if (type === "application/vnd.ms-excel.sharedStrings") throw new NotPlainXml("binary sst");
    else if (kind && !required.has(kind)) required.set(kind, part);
  }
  return { workbook, sharedStrings, required: [...required.values()] };
}

function relationships(xml: string): Map<string, { type: string; target: string }> {
  const rels = new Map<string, { type: string; target: string }>();
  const scan = new XmlScanner(xml);
  while (scan.find("Relationship")) {
    // SheetJS takes only an unprefixed <Relationship>, and reads sheets by their default
    // names where it finds none.
    if (scan.prefixed()) throw new NotPlainXml("a prefixed <Relationship>");
    rels.set(scan.attr("Id") ?? "", {
      type: scan.attr("Type") ?? "",
      target: unescapeXml(scan.attr("Target") ?? ""),
    });
  }
  return rels;
}

/** The workbook namespaces SheetJS accepts; it refuses a workbook in any other. */
const MAIN_NAMESPACES = new Set([
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
  "http://schemas.microsoft.com/office/excel/2006/main",
  "http://schemas.microsoft.com/office/excel/2006/2",
]);

function workbookSheets(xml: string): {
  sheets: Array<{ name: string; id: string }>;
  date1904: boolean;
} {
  const sheets: Array<{ name: string; id: string }> = [];
  let date1904 = false;
  let namespace: string | undefined;
  const scan = new XmlScanner(xml);
  while (scan.next()) {
    if (scan.closing) continue;
    if (scan.is("workbook")) {
      // The namespace of the root's own prefix, as SheetJS looks it up.
      const tag = xml.slice(scan.start, scan.end);
      const prefix = /^<(\w+):/.exec(tag)?.[1];
      const attribute = new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ""}\\s*=\\s*(["'])(.*?)\\1`);
      namespace = attribute.exec(tag)?.[2];
    } else if (scan.is("workbookPr")) {
      const value = scan.attr("date1904");
      if (value !== undefined) date1904 = value === "1" || value === "true";
    } else if (scan.is("sheet")) {
      // SheetJS fails on a sheet without a name.
      const name = scan.attr("name");
      if (name === undefined) throw new NotPlainXml("a sheet without a name");
      sheets.push({ name: unescapeXml(name), id: scan.attr("id") ?? "" });
    }
  }
  if (namespace === undefined || !MAIN_NAMESPACES.has(namespace)) {
    throw new NotPlainXml(`workbook namespace ${namespace}`);
  }
  return { sheets, date1904 };
}

/**
 * The shared strings by index; an entry without text (no <t>) is undefined. SheetJS finds
 * the items by splitting at </si> after dropping every bare <si>: an <si/>, an <si> with
 * attributes or an <sstItem> would run into the next item there, so they step aside here.
 */
function sharedStringTable(xml: string): Array<string | undefined> {
  const strings: Array<string | undefined> = [];
  const scan = new XmlScanner(xml);
  while (scan.next()) {
    if (scan.closing) continue;
    if (scan.is("sstItem")) throw new NotPlainXml("<sstItem>");
    if (!scan.is("si")) continue;
    if (scan.afterName() !== GT) throw new NotPlainXml("<si> not bare");
    strings.push(richText(scan, "si"));
  }
  return strings;
}

/**
 * The text of a string item (<si>, or a cell's <is>) whose opening tag is current. A plain
 * item (one that starts with <t>) is its first <t>; a rich one (any <r> run) joins every <t>
 * outside the phonetic guides (<rPh>) that Japanese text carries. An item that is neither
 * has no text.
 */
function richText(scan: XmlScanner, element: string): string | undefined {
  let plain: boolean | undefined;
  let rich = false;
  let text = "";
  for (;;) {
    if (!scan.next()) throw new NotPlainXml(`unclosed <${element}>`);
    // SheetJS finds these tags by their first `>`.
    if (scan.gtInValue) throw new NotPlainXml("'>' in an attribute value");
    if (scan.closing) {
      if (scan.is(element)) break;
      continue;
    }
    const isText = scan.is("t");
    if (plain === undefined) {
      plain = isText;
      if (plain) {
        // SheetJS reads a plain item from its first <t> up to the first </t>: after a <t/>
        // that is whatever follows in the item, tags and all.
        if (!scan.selfClosing) text = scan.text();
        else if (!scan.next() || !scan.closing || !scan.is(element)) {
          throw new NotPlainXml("<t/> and more");
        } else break;
        continue;
      }
    }
    if (scan.is("rPh")) {
      // SheetJS drops a guide up to the next </rPh>, which a self-closing one lacks.
      if (scan.selfClosing) throw new NotPlainXml("<rPh/>");
      scan.skipElement();
      continue;
    }
    if (scan.is("r")) rich = true;
    if (!plain && isText && !scan.selfClosing) text += scan.text();
  }
  if (!plain && !rich) return undefined;
  return unescapeXml(text, true);
}

/** Rows of one worksheet's cells, placed where SheetJS places them. */
function sheetRowsOf(
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
        const c = xml.charCodeAt(i);
        if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)
          throw new NotPlainXml("text in a row");
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
