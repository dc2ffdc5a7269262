/** Excel reader (.xlsx and the old binary .xls) via SheetJS in dense mode. */
import * as XLSX from "xlsx";
import { ImportFileError, type ReadLimits, type Sheet, type SheetRow } from "./types";

export function readWorkbook(bytes: Uint8Array, limits: ReadLimits, kind: "xlsx" | "xls"): Sheet {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: "array",
      dense: true,
      cellDates: false,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      // Never parse more than we would accept; the extra row tells us the sheet is too big.
      sheetRows: limits.maxRows + 51,
    });
  } catch {
    throw new ImportFileError(
      `Filen kunde inte läsas som Excel-fil (.${kind}). Är den skadad eller lösenordsskyddad? Öppna den i Excel och spara den igen.`,
    );
  }
  const name = wb.SheetNames.find((n) => hasData(wb.Sheets[n])) ?? wb.SheetNames[0];
  const ws = name ? wb.Sheets[name] : undefined;
  if (!ws) throw new ImportFileError("Excel-filen har inga blad med innehåll.");
  const data = (ws as { "!data"?: XLSX.CellObject[][] })["!data"] ?? [];
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
  return { rows, date1904, format: `Excel (.${kind}), blad '${name}'` };
}

function hasData(ws: XLSX.WorkSheet | undefined): boolean {
  const data = (ws as { "!data"?: unknown[] } | undefined)?.["!data"];
  return Array.isArray(data) && data.some((r) => Array.isArray(r) && r.length > 0);
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
