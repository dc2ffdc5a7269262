/**
 * Bounded work for any input: a sheet may hold at most `maxCells` cells (rows × used columns).
 * A 1 MB .xlsx can unpack to 15 million cells, which SheetJS would parse for a minute and
 * gigabytes before any row limit applied. So the cells are counted BEFORE the sheet is parsed:
 * for .xlsx in the worksheet XML while the zip guard inflates it (worksheet-cells.ts: the
 * declared <dimension> first, then every <row> and <c> seen, since the dimension can lie), for
 * CSV in the decoded text before papaparse allocates a row.
 */
import { ImportFileError } from "./types";

/**
 * Large enough for a city (48 000 staff × 10 columns, 150 000 course rows × 10 = 1.5 M), and
 * no larger: a cell bomb is refused only once this many cells have been unpacked and counted,
 * so the cap sets how long a refusal takes (≈16 bytes of sheet XML a cell).
 */
export const DEFAULT_MAX_CELLS = 2_000_000;

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
