/**
 * The package around the sheets, found as SheetJS finds it: the content types name the
 * workbook and the shared strings, the workbook names the sheets, its relationships say where
 * each sheet's part is. Where SheetJS would refuse or read another part, NotPlainXml.
 */
import { NotPlainXml, unescapeXml, XmlScanner } from "./xml-scan";

const CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
const WORKBOOK_TYPES = new Set([
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  "application/vnd.ms-excel.addin.macroEnabled.main+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
]);
const SHARED_STRINGS_TYPE =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";

const OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const CHARTSHEET = `${OFFICE_RELS}/chartsheet`;
export const WORKSHEETS = new Set([
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
export function hasComments(parts: Map<string, Uint8Array>, sheetPath: string): boolean {
  const relsPath = sheetPath.replace(/^(.*)(\/)([^/]*)$/, "$1/_rels/$3.rels").toLowerCase();
  const bytes = parts.get(relsPath);
  if (!bytes) return false;
  for (const rel of relationships(decode(bytes)).values()) if (COMMENTS.has(rel.type)) return true;
  return false;
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

export function contentTypes(xml: string): {
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

export function relationships(xml: string): Map<string, { type: string; target: string }> {
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

export function workbookSheets(xml: string): {
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

const decoder = new TextDecoder();

export function decode(bytes: Uint8Array): string {
  // UTF-16 (a byte-order mark) is rare enough to leave to SheetJS.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new NotPlainXml("UTF-16");
  }
  const xml = decoder.decode(bytes);
  const declared = /^\s*<\?xml[^>]*encoding=["']([^"']+)/.exec(xml.slice(0, 200))?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) throw new NotPlainXml(`encoding ${declared}`);
  return xml;
}
