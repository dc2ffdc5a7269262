/**
 * The XML parts of an .xlsx workbook (Office Open XML, SpreadsheetML) for our exports,
 * written here rather than by SheetJS because its free edition writes no bold font and no
 * frozen panes. Pure: the service zips the parts (src/services/spreadsheet.ts).
 *
 * Cells by column kind: text and ids as shared-string cells (a string cell is never a
 * formula, so no apostrophe guard is needed or shown), dates as date serials with a
 * `yyyy-mm-dd` format so they sort and filter as dates, counts and percentages as numbers,
 * and empty values as no cell at all (Excel counts an empty-string cell as filled).
 */
import type { Cell } from "./export-cells";
import type { ColumnKind } from "./export-tables";

export interface XlsxSheet {
  name: string;
  kinds: readonly ColumnKind[];
  /** The first row is the header: bold, frozen, with an autofilter over the table. */
  rows: ReadonlyArray<readonly Cell[]>;
  /** `table`: header row as above; `notes`: label/value pairs with bold labels. */
  layout: "table" | "notes";
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Indices into cellXfs in styles.xml below. */
const STYLE = { plain: 0, bold: 1, date: 2, decimal: 3, text: 4 } as const;

const STYLES = `${XML_DECL}<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="0.0"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Excel's serial day number for an ISO date (1900 date system), or null for anything else. */
export function excelSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== iso) return null;
  return (ms - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** "A", "B", … "Z", "AA" for a 0-based column index. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/**
 * Text as XML character data. Characters XML 1.0 cannot carry are dropped; Excel reads
 * `_xHHHH_` as an escaped character, so a literal one is escaped in turn.
 */
export function xmlText(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/\r/g, "&#13;")
  );
}

/** Characters a cell shows, for column widths. */
function shownLength(cell: Cell, kind: ColumnKind | undefined): number {
  if (cell === null) return 0;
  if (kind === "date" && typeof cell === "string" && excelSerial(cell) !== null) return 10;
  if (typeof cell === "number") return String(kind === "percent" ? cell.toFixed(1) : cell).length;
  return Math.max(...cell.split("\n").map((line) => line.length));
}

/** Widths in characters, fitted to the longest value (the header also holds a filter button). */
export function columnWidths(sheet: XlsxSheet): number[] {
  const columns = Math.max(sheet.kinds.length, ...sheet.rows.map((r) => r.length));
  const max = sheet.layout === "notes" ? 100 : 60;
  return Array.from({ length: columns }, (_, c) => {
    const longest = Math.max(
      0,
      ...sheet.rows.map((r, i) => {
        const len = shownLength(r[c] ?? null, sheet.kinds[c]);
        return sheet.layout === "table" && i === 0 ? len + 3 : len;
      }),
    );
    return Math.min(max, Math.max(6, longest + 2));
  });
}

class SharedStrings {
  readonly index = new Map<string, number>();
  count = 0;
  add(text: string): number {
    this.count++;
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.index.size;
      this.index.set(text, at);
    }
    return at;
  }
  xml(): string {
    const items = [...this.index.keys()].map(
      (t) => `<si><t${/^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : ""}>${xmlText(t)}</t></si>`,
    );
    return `${XML_DECL}<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${this.index.size}">${items.join("")}</sst>`;
  }
}

function cellXml(
  ref: string,
  cell: Cell,
  kind: ColumnKind | undefined,
  bold: boolean,
  sst: SharedStrings,
): string {
  if (cell === null || cell === "") return "";
  const s = (style: number) => (style === STYLE.plain ? "" : ` s="${style}"`);
  if (kind === "date" && typeof cell === "string") {
    const serial = excelSerial(cell);
    if (serial !== null) return `<c r="${ref}"${s(STYLE.date)}><v>${serial}</v></c>`;
  }
  if (typeof cell === "number" && kind !== "id" && kind !== "text" && Number.isFinite(cell)) {
    const style = bold ? STYLE.bold : kind === "percent" ? STYLE.decimal : STYLE.plain;
    return `<c r="${ref}"${s(style)}><v>${cell}</v></c>`;
  }
  const style = bold ? STYLE.bold : kind === "id" ? STYLE.text : STYLE.plain;
  return `<c r="${ref}"${s(style)} t="s"><v>${sst.add(String(cell))}</v></c>`;
}

function sheetXml(sheet: XlsxSheet, sst: SharedStrings, selected: boolean): string {
  const widths = columnWidths(sheet);
  const lastRef = `${columnName(Math.max(0, widths.length - 1))}${Math.max(1, sheet.rows.length)}`;
  const table = sheet.layout === "table";
  const rows = sheet.rows.map((r, i) => {
    const cells = r.map((cell, c) =>
      cellXml(
        `${columnName(c)}${i + 1}`,
        cell,
        table && i === 0 ? "text" : sheet.kinds[c],
        table ? i === 0 : c === 0,
        sst,
      ),
    );
    return `<row r="${i + 1}">${cells.join("")}</row>`;
  });
  const pane = table
    ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
    : "";
  const cols = widths.map(
    (w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`,
  );
  return [
    `${XML_DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`,
    `<dimension ref="A1:${lastRef}"/>`,
    `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ""}>${pane}</sheetView></sheetViews>`,
    `<sheetFormatPr defaultRowHeight="15"/>`,
    cols.length > 0 ? `<cols>${cols.join("")}</cols>` : "",
    `<sheetData>${rows.join("")}</sheetData>`,
    table ? `<autoFilter ref="A1:${lastRef}"/>` : "",
    idsAsText(sheet),
    "</worksheet>",
  ].join("");
}

/**
 * Excel marks every number-like text cell with a green "number stored as text" triangle and
 * offers to convert it; for the id columns that text is deliberate, so the warning is off.
 */
function idsAsText(sheet: XlsxSheet): string {
  const last = Math.max(2, sheet.rows.length);
  const ranges = sheet.kinds.flatMap((kind, c) =>
    kind === "id" ? [`${columnName(c)}2:${columnName(c)}${last}`] : [],
  );
  if (ranges.length === 0) return "";
  return `<ignoredErrors><ignoredError sqref="${ranges.join(" ")}" numberStoredAsText="1"/></ignoredErrors>`;
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
export function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, "-").slice(0, 31);
}

/** Every part of the workbook by its path in the zip archive. */
export function xlsxParts(sheets: readonly XlsxSheet[]): Record<string, string> {
  const sst = new SharedStrings();
  const names = sheets.map((s) => safeSheetName(s.name));
  const parts: Record<string, string> = {};
  sheets.forEach((sheet, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(sheet, sst, i === 0);
  });
  const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
  const filters = sheets.flatMap((sheet, i) => {
    if (sheet.layout !== "table") return [];
    const last = `$${columnName(Math.max(0, columnWidths(sheet).length - 1))}$${Math.max(1, sheet.rows.length)}`;
    return [
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(quoted(names[i]!))}!$A$1:${last}</definedName>`,
    ];
  });
  parts["[Content_Types].xml"] =
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
  parts["_rels/.rels"] =
    `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts["xl/workbook.xml"] =
    `${XML_DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>${filters.length > 0 ? `<definedNames>${filters.join("")}</definedNames>` : ""}</workbook>`;
  parts["xl/_rels/workbook.xml.rels"] =
    `${XML_DECL}<Relationships xmlns="${PKG_REL}">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  parts["xl/styles.xml"] = STYLES;
  parts["xl/sharedStrings.xml"] = sst.xml();
  return parts;
}
