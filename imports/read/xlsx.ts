/** Workbook reader (.xlsx, old binary .xls, OpenDocument .ods/.fods) via SheetJS in dense mode. */
import * as XLSX from "xlsx";
import { fieldOf } from "../headers";
import { DEFAULT_MAX_CELLS } from "./cell-cap";
import { ImportFileError, type ReadLimits, type Sheet, type SheetRow } from "./types";
import { worksheetCellCounter } from "./worksheet-cells";
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

export function readWorkbook(bytes: Uint8Array, limits: ReadLimits, kind: WorkbookKind): Sheet {
  const label = KIND_LABEL[kind];
  if (ZIP.every((b, i) => bytes[i] === b)) {
    // Every sheet's cells are counted while the guard inflates it, before SheetJS parses it.
    const maxCells = limits.maxCells ?? DEFAULT_MAX_CELLS;
    checkZipExpansion(
      bytes,
      limits.maxUnzippedBytes ?? defaultMaxUnzippedBytes(limits.maxBytes),
      (name) =>
        /^xl\/worksheets\/[^/]+\.xml$/i.test(name) ? worksheetCellCounter(maxCells) : null,
    );
  }
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
        // Never parse more than we would accept; the extra row tells us the sheet is too big.
        sheetRows: limits.maxRows + 51,
      });
    wb = kind === "ods" || kind === "fods" ? withoutOdsFormatNoise(read) : read();
  } catch {
    throw new ImportFileError(
      `Filen kunde inte läsas som ${label.file} (.${kind}). Är den skadad eller lösenordsskyddad? Öppna den i ${label.program} och spara den igen.`,
    );
  }
  const name = bestSheet(wb);
  const ws = name ? wb.Sheets[name] : undefined;
  if (!ws || !name) throw new ImportFileError("Filen har inga blad med innehåll.");
  const data = denseData(ws);
  if (data.length > limits.maxRows + 50) {
    throw new ImportFileError(
      `Bladet '${name}' har fler än ${limits.maxRows} rader. Dela upp filen eller ta bort tomma rader i slutet.`,
    );
  }
  const rows: SheetRow[] = [];
  for (let r = 0; r < data.length; r++) {
    const line = data[r];
    if (!line) continue;
    const cells = [];
    for (let c = 0; c < line.length; c++) cells.push(cellValue(line[c]));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    if (cells.length === 0) continue;
    if (cells.length > limits.maxColumns) {
      throw new ImportFileError(
        `Rad ${r + 1} i bladet '${name}' har värden i ${cells.length} kolumner; högst ${limits.maxColumns} tas emot.`,
      );
    }
    rows.push({ row: r + 1, cells });
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  return { rows, date1904, format: `${label.format} (.${kind}), blad '${name}'` };
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
function bestSheet(wb: XLSX.WorkBook): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    const data = ws ? denseData(ws) : [];
    if (!data.some((r) => Array.isArray(r) && r.length > 0)) continue;
    let score = 0;
    for (const row of data.slice(0, 30)) {
      const fields = new Set((row ?? []).map((c) => (c?.t === "s" ? fieldOf(String(c.v)) : null)));
      fields.delete(null);
      score = Math.max(score, fields.size);
    }
    if (!best || score > best.score) best = { name, score };
  }
  return best?.name;
}

function cellValue(cell: XLSX.CellObject | undefined): string | number | null {
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
