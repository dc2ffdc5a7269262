/**
 * Workbook reader (.xlsx, old binary .xls, OpenDocument .ods/.fods): an .xlsx from its XML
 * (xlsx-values.ts) where that reader understands it, everything else by SheetJS in dense mode.
 */
import * as XLSX from "xlsx";
import { fieldOf } from "../headers";
import { DEFAULT_MAX_CELLS } from "./cell-cap";
import { type Cell, ImportFileError, type ReadLimits, type Sheet, type SheetRow } from "./types";
import { worksheetCellCounter } from "./worksheet-cells";
import { XlsxParts } from "./xlsx-parts";
import { readXlsxValues, type SheetValues, type WorkbookValues } from "./xlsx-values";
import { checkZipExpansion, defaultMaxUnzippedBytes } from "./zip-guard";

const ZIP = [0x50, 0x4b, 0x03, 0x04];

export type WorkbookKind = "xlsx" | "xls" | "ods" | "fods";

/** What the user calls the file and the program that re-saves it, for messages. */
const KIND_LABEL: Record<WorkbookKind, { file: string; program: string; format: string }> = {
  xlsx: { file: "Excel-fil", program: "Excel", format: "Excel" },
  xls: { file: "Excel-fil", program: "Excel", format: "Excel" },
  ods: { file: "OpenDocument-kalkylblad", program: "LibreOffice", format: "OpenDocument" },
  fods: { file: "OpenDocument-kalkylblad", program: "LibreOffice", format: "OpenDocument" },
};

/** The sheet's XML parts, where the guard finds them; their cells are counted as they unpack. */
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

/**
 * One sheet of a workbook: the one whose header names the most known columns. An .xlsx is read
 * from its XML by xlsx-values.ts where that reader understands it (nearly always), else, and
 * for every other kind, by SheetJS. `engine: "sheetjs"` forces the latter (the tests compare).
 */
export function readWorkbook(
  bytes: Uint8Array,
  limits: ReadLimits,
  kind: WorkbookKind,
  engine: "auto" | "sheetjs" = "auto",
): Sheet {
  // Never read more rows than we would accept; the extra row tells us the sheet is too big.
  const sheetRows = limits.maxRows + 51;
  const isZip = ZIP.every((b, i) => bytes[i] === b);
  const fromXml = isZip
    ? guardAndRead(bytes, limits, sheetRows, engine === "auto" && kind !== "ods")
    : null;
  const values = fromXml ?? readWithSheetJs(bytes, sheetRows, kind);
  return bestSheetOf(values, limits, KIND_LABEL[kind].format, kind);
}

/**
 * The zip guard over the archive, counting every sheet's cells while it inflates them, before
 * any parser runs; with `readXml`, the values read from the parts it unpacked (null where that
 * reader steps aside). The parts die with this call, before SheetJS may read the file again.
 */
function guardAndRead(
  bytes: Uint8Array,
  limits: ReadLimits,
  sheetRows: number,
  readXml: boolean,
): WorkbookValues | null {
  const maxCells = limits.maxCells ?? DEFAULT_MAX_CELLS;
  const parts = readXml ? new XlsxParts() : null;
  checkZipExpansion(
    bytes,
    limits.maxUnzippedBytes ?? defaultMaxUnzippedBytes(limits.maxBytes),
    (name, size) => {
      const count = WORKSHEET.test(name) ? worksheetCellCounter(maxCells) : null;
      const keep = parts?.watch(name, size) ?? null;
      if (!count || !keep) return count ?? keep;
      return (chunk) => {
        count(chunk);
        keep(chunk);
      };
    },
  );
  const unpacked = parts?.take();
  return unpacked ? readXlsxValues(unpacked, sheetRows) : null;
}

function readWithSheetJs(bytes: Uint8Array, sheetRows: number, kind: WorkbookKind): WorkbookValues {
  const label = KIND_LABEL[kind];
  let wb: XLSX.WorkBook;
  try {
    const read = () =>
      XLSX.read(bytes, {
        type: "array",
        dense: true,
        cellDates: false,
        cellFormula: false,
        cellHTML: false,
        cellStyles: false,
        // Cells are read by value (cellValue below), never by their formatted text: formatting
        // every number through its number format was ≈20 % of reading a staff list.
        cellText: false,
        sheetRows,
      });
    wb = kind === "ods" || kind === "fods" ? withoutOdsFormatNoise(read) : read();
  } catch {
    throw new ImportFileError(
      `Filen kunde inte läsas som ${label.file} (.${kind}). Är den skadad eller lösenordsskyddad? Öppna den i ${label.program} och spara den igen.`,
    );
  }
  const sheets = wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name];
    const data = ws ? denseData(ws) : [];
    return { name, rows: data.map((line) => (line ? Array.from(line, cellValue) : undefined)) };
  });
  return { sheets, date1904: Boolean(wb.Workbook?.WBProps?.date1904) };
}

function bestSheetOf(
  values: WorkbookValues,
  limits: ReadLimits,
  format: string,
  kind: WorkbookKind,
): Sheet {
  const sheet = bestSheet(values.sheets);
  if (!sheet) throw new ImportFileError("Filen har inga blad med innehåll.");
  const { name, rows: data } = sheet;
  if (data.length > limits.maxRows + 50) {
    throw new ImportFileError(
      `Bladet '${name}' har fler än ${limits.maxRows} rader. Dela upp filen eller ta bort tomma rader i slutet.`,
    );
  }
  const rows: SheetRow[] = [];
  for (let r = 0; r < data.length; r++) {
    const line = data[r];
    if (!line) continue;
    const cells: Cell[] = [];
    for (let c = 0; c < line.length; c++) cells.push(line[c] ?? null);
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    if (cells.length === 0) continue;
    if (cells.length > limits.maxColumns) {
      throw new ImportFileError(
        `Rad ${r + 1} i bladet '${name}' har värden i ${cells.length} kolumner; högst ${limits.maxColumns} tas emot.`,
      );
    }
    rows.push({ row: r + 1, cells });
  }
  return { rows, date1904: values.date1904, format: `${format} (.${kind}), blad '${name}'` };
}

/**
 * SheetJS reports number formats it cannot translate (LibreOffice's three-part formats such as
 * `0;-0;"–"`) with console.error while it reads an .ods. The cell values are still right, and
 * the message would land in the server log and the CLI's stderr for every upload, so those
 * lines are dropped while the (synchronous) read runs; everything else still gets through.
 */
const ODS_NOISE = /^(ODS number format may be incorrect|Could not generate ODS number format)/;

function withoutOdsFormatNoise<T>(read: () => T): T {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === "string" && ODS_NOISE.test(args[0])) return;
    original.apply(console, args);
  };
  try {
    return read();
  } finally {
    console.error = original;
  }
}

function denseData(ws: XLSX.WorkSheet): XLSX.CellObject[][] {
  return (ws as { "!data"?: XLSX.CellObject[][] })["!data"] ?? [];
}

/**
 * The sheet whose first rows name the most known columns (a workbook may start with an
 * instructions sheet); the first sheet with data when none does.
 */
function bestSheet(sheets: SheetValues[]): SheetValues | undefined {
  let best: { sheet: SheetValues; score: number } | undefined;
  for (const sheet of sheets) {
    if (!sheet.rows.some((r) => r !== undefined && r.length > 0)) continue;
    let score = 0;
    for (const row of sheet.rows.slice(0, 30)) {
      const fields = new Set(
        Array.from(row ?? [], (c) => (typeof c === "string" ? fieldOf(c) : null)),
      );
      fields.delete(null);
      score = Math.max(score, fields.size);
    }
    if (!best || score > best.score) best = { sheet, score };
  }
  return best?.sheet;
}

function cellValue(cell: XLSX.CellObject | undefined): Cell {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  switch (cell.t) {
    case "n":
      return typeof cell.v === "number" && Number.isFinite(cell.v) ? cell.v : null;
    case "s": {
      const s = String(cell.v);
      return s.trim() === "" ? null : s;
    }
    case "b":
      return cell.v ? "SANT" : "FALSKT";
    case "d":
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v);
    default:
      // Errors (#N/A) and stubs carry no value.
      return null;
  }
}
