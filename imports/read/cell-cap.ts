/**
 * Bounded work for any input: a sheet may hold at most `maxCells` cells (rows × used columns).
 * A 1 MB .xlsx can unpack to 15 million cells, which SheetJS would parse for a minute and
 * gigabytes before any row limit applied. So the cells are counted BEFORE the sheet is parsed:
 * for .xlsx in the worksheet XML while the zip guard inflates it (the declared <dimension>
 * first, then every <row r> and <c r> seen, since the dimension can lie), for CSV in the
 * decoded text before papaparse allocates a row.
 */
import { ImportFileError } from "./types";

/** Large enough for a city (48 000 staff × 10 columns, 150 000 course rows × 10). */
export const DEFAULT_MAX_CELLS = 3_000_000;

const fmt = (n: number) => n.toLocaleString("sv-SE");

/** The refusal, saying what the limit is; `rows`/`columns` when the sheet declares them. */
export function tooManyCells(
  cells: number,
  maxCells: number,
  size?: { rows: number; columns: number },
): ImportFileError {
  const what = size
    ? `${fmt(size.rows)} rader × ${fmt(size.columns)} kolumner, ${fmt(size.rows * size.columns)} celler`
    : `mer än ${fmt(cells)} celler`;
  return new ImportFileError(
    `Filen är för stor: ${what}. Högst ${fmt(maxCells)} celler (rader × kolumner) tas emot. Ta bort tomma rader och kolumner i slutet av bladet, eller dela upp filen.`,
  );
}

/** Column letters to a 1-based number: A → 1, Z → 26, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

// <dimension ref="A1:Z48001"/>, <row r="123">, <c r="AB123"> and cells without r.
const TOKENS =
  /<dimension ref="[A-Z]*\d*:?([A-Z]+)(\d+)"|<row\b[^>]*?\br="(\d+)"|<c\b([^>]*?)\/?>/g;
const CELL_REF = /\br="([A-Z]+)\d+"/;
const MAX_SHEET_COLUMNS = 16_384;
const MAX_SHEET_ROWS = 1_048_576;
/** Longest token that may be cut between two inflated chunks. */
const CARRY = 512;

/**
 * Counts the cells of one worksheet's XML as it is inflated, chunk by chunk, and throws as
 * soon as rows × columns (or the count of cells itself) passes `maxCells`.
 */
export function worksheetCellCounter(maxCells: number): (chunk: Uint8Array) => void {
  const decoder = new TextDecoder();
  let carry = "";
  let maxRow = 0;
  let maxCol = 0;
  let cells = 0;
  let rowCells = 0;
  const check = () => {
    if (maxRow * maxCol > maxCells) {
      throw tooManyCells(maxRow * maxCol, maxCells, { rows: maxRow, columns: maxCol });
    }
    if (cells > maxCells) throw tooManyCells(cells, maxCells);
  };
  return (chunk) => {
    const text = carry + decoder.decode(chunk, { stream: true });
    let end = 0;
    TOKENS.lastIndex = 0;
    for (let m = TOKENS.exec(text); m; m = TOKENS.exec(text)) {
      end = TOKENS.lastIndex;
      if (m[1] !== undefined) {
        // "A1:XFD1048576" (the whole sheet) is what some generators write for any sheet:
        // no size at all, so only the count decides. Any other declared size is believed.
        const col = columnNumber(m[1]);
        const row = Number(m[2]);
        if (col < MAX_SHEET_COLUMNS && row < MAX_SHEET_ROWS) {
          maxCol = Math.max(maxCol, col);
          maxRow = Math.max(maxRow, row);
        }
      } else if (m[3] !== undefined) {
        maxRow = Math.max(maxRow, Number(m[3]));
        rowCells = 0;
      } else {
        cells++;
        rowCells++;
        const ref = CELL_REF.exec(m[4] ?? "");
        maxCol = Math.max(maxCol, ref ? columnNumber(ref[1]!) : rowCells);
      }
    }
    check();
    carry = text.slice(Math.max(end, text.length - CARRY));
  };
}

/**
 * Cells of a CSV text (quoted delimiters and line breaks do not count), stopping as soon as
 * the count passes `maxCells`. Runs before parsing, so nothing is allocated per row.
 */
export function checkCsvCells(text: string, delimiter: string, maxCells: number): void {
  const d = delimiter.charCodeAt(0);
  let quoted = false;
  let cells = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === d || c === 10) {
      cells++;
      if (cells > maxCells) throw tooManyCells(maxCells, maxCells);
    }
  }
}
