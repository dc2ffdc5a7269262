/**
 * Counts the cells of one worksheet's XML in its raw UTF-8 bytes while the zip guard inflates
 * it. Decoding to text and matching a regex cost ≈3× the inflating itself; here one loop over
 * the bytes looks into <dimension>, <row> and <c> tags only (tag names and attributes are
 * ASCII, so nothing is decoded).
 *
 * Rows and columns follow the references the way SheetJS places cells: `<row r="7">` and
 * `<c r="AB7">` where written, else the next row / the next column of the row. The declared
 * <dimension> is believed (a size over the cap is refused before any row is read), except
 * the whole-sheet "A1:XFD1048576" some generators write for any sheet; since it can lie, the
 * rows and cells that follow are counted too.
 */
import { tooManyCells } from "./cell-cap";
import { APOS, COLON, EQUALS, endsTagName, GT, isXmlSpace, LT, QUOTE } from "./xml-chars";

const MAX_SHEET_COLUMNS = 16_384;
const MAX_SHEET_ROWS = 1_048_576;
/** An unfinished tag longer than this at a chunk's end is read as it is, not carried over. */
const MAX_CARRY = 4096;
const DIMENSION = [0x64, 0x69, 0x6d, 0x65, 0x6e, 0x73, 0x69, 0x6f, 0x6e]; // "dimension"
/** Zero bytes after a carried tag, so reading a tag name never goes past the array. */
const PAD = 16;

function isDimension(data: Uint8Array, at: number): boolean {
  for (let k = 0; k < DIMENSION.length; k++) if (data[at + k] !== DIMENSION[k]) return false;
  return true;
}

const isDigit = (b: number) => b >= 0x30 && b <= 0x39;
const isUpper = (b: number) => b >= 0x41 && b <= 0x5a;

const R = [0x72]; // "r"
const REF = [0x72, 0x65, 0x66]; // "ref"

/** What a counter has seen so far: rows × columns is what the cap applies to. */
export interface CellCount {
  rows: number;
  columns: number;
  cells: number;
}

export type CellCounter = ((chunk: Uint8Array) => void) & { count(): CellCount };

/**
 * Counts the cells of one worksheet's XML as it is inflated, chunk by chunk, and throws as
 * soon as rows × columns (or the count of cells itself) passes `maxCells`: at the start of a
 * row, so a chunk of many megabytes is not read to its end first.
 */
export function worksheetCellCounter(maxCells: number): CellCounter {
  const counter = new SheetCounter(maxCells);
  return Object.assign((chunk: Uint8Array) => counter.push(chunk), {
    count: (): CellCount => ({
      rows: counter.maxRow,
      columns: counter.maxCol,
      cells: counter.cells,
    }),
  });
}

/**
 * The state lives in one object of one shape and the hot loop calls only its methods: V8
 * inlines those, which made the count of the cell bomb's XML ≈1.5× faster than closures did.
 */
class SheetCounter {
  maxRow = 0;
  maxCol = 0;
  cells = 0;
  private row = 0;
  private col = 0;
  /** The reference last read by attributeRef (0 for a missing part). */
  private refCol = 0;
  private refRow = 0;
  private carry: Uint8Array | null = null;

  constructor(private readonly maxCells: number) {}

  push(chunk: Uint8Array): void {
    let from = 0;
    if (this.carry) {
      // The tag cut off at the previous chunk's end, finished by this chunk's first `>`
      // (only the head is copied: chunks can be megabytes).
      const gt = chunk.indexOf(GT);
      const head = gt < 0 ? chunk : chunk.subarray(0, gt + 1);
      const length = this.carry.length + head.length;
      const joined = new Uint8Array(length + PAD);
      joined.set(this.carry);
      joined.set(head, this.carry.length);
      this.carry = null;
      if (gt < 0 && length <= MAX_CARRY) {
        this.carry = joined.subarray(0, length);
        return;
      }
      this.scan(joined, 0, length, true);
      from = head.length;
    }
    const cut = this.scan(chunk, from, chunk.length, false);
    if (cut >= 0) this.carry = chunk.slice(cut);
    this.check();
  }

  private check(): void {
    const { maxRow, maxCol, maxCells } = this;
    if (maxRow * maxCol > maxCells) {
      throw tooManyCells(maxRow * maxCol, maxCells, { rows: maxRow, columns: maxCol });
    }
    if (this.cells > maxCells) throw tooManyCells(this.cells, maxCells);
  }

  /**
   * Reads every tag in data[from, end); returns where an unfinished last tag starts, or -1.
   * Every read stays below `data.length`: a typed-array read past the end makes V8 recompile
   * the loop into a slower form (chunks are read whole, carried heads have zero padding).
   */
  private scan(data: Uint8Array, from: number, end: number, final: boolean): number {
    for (let i = from; i < end; i++) {
      if (data[i] !== LT) continue;
      // Most tags are </…> or <v>: skipped after one more byte.
      if (i + 1 < end) {
        const first = data[i + 1];
        if (first !== 0x63 && first !== 0x72 && first !== 0x64) continue;
      }
      if (!final && end - i < 12) return i;
      const next = this.tag(data, i, end, final);
      if (next < 0) return i;
      i = next;
    }
    return -1;
  }

  /** The tag at `lt` if it is one we count; where scanning goes on, or -1 to carry it over. */
  private tag(data: Uint8Array, lt: number, end: number, final: boolean): number {
    const first = data[lt + 1];
    let kind = 0;
    if (first === 0x63 && endsTagName(data[lt + 2])) kind = 1;
    else if (first === 0x72 && data[lt + 2] === 0x6f && data[lt + 3] === 0x77) {
      if (endsTagName(data[lt + 4])) kind = 2;
    } else if (first === 0x64 && isDimension(data, lt + 1)) kind = 3;
    if (kind === 0) return lt + 1;
    // A loop, not indexOf: a native call per tag costs more than reading the few bytes.
    let to = lt + 2;
    while (to < end && data[to] !== GT) to++;
    if (to === end && !final && end - lt <= MAX_CARRY) return -1;
    if (kind === 1) {
      // <c …>: the next column unless its reference says which.
      const found = this.attributeRef(data, lt + 2, to, R);
      this.col = found && this.refCol > 0 ? this.refCol : this.col + 1;
      if (found && this.refRow > this.maxRow) this.maxRow = this.refRow;
      if (this.col > this.maxCol) this.maxCol = this.col;
      this.cells++;
    } else if (kind === 2) {
      // A new row: the previous one is complete, so this is where the cap is checked.
      this.check();
      const found = this.attributeRef(data, lt + 4, to, R);
      this.row = found && this.refRow > 0 ? this.refRow : this.row + 1;
      if (this.row > this.maxRow) this.maxRow = this.row;
      this.col = 0;
    } else if (this.attributeRef(data, lt + 10, to, REF)) this.believeDimension();
    return to;
  }

  private believeDimension(): void {
    const { refCol, refRow } = this;
    if (refCol === 0 || refRow === 0) return;
    if (refCol >= MAX_SHEET_COLUMNS || refRow >= MAX_SHEET_ROWS) return;
    this.maxCol = Math.max(this.maxCol, refCol);
    this.maxRow = Math.max(this.maxRow, refRow);
    this.check();
  }

  /**
   * Reads attribute `name` within [from, to) as a reference into refCol/refRow: the last
   * "letters digits" before the closing quote (after a `:` in a range).
   */
  private attributeRef(data: Uint8Array, from: number, to: number, name: number[]): boolean {
    const n = name.length;
    for (let i = from; i + n + 2 < to; i++) {
      const b = data[i];
      if (!isXmlSpace(b)) continue;
      let k = 0;
      while (k < n && data[i + 1 + k] === name[k]) k++;
      const quote = data[i + n + 2];
      if (k < n || data[i + n + 1] !== EQUALS || (quote !== QUOTE && quote !== APOS)) continue;
      let col = 0;
      let row = 0;
      for (let at = i + n + 3; at < to && data[at] !== quote; at++) {
        const c = data[at]!;
        if (c === COLON) {
          col = 0;
          row = 0;
        } else if (isUpper(c)) col = col * 26 + (c - 64);
        else if (isDigit(c)) row = row * 10 + (c - 0x30);
      }
      this.refCol = col;
      this.refRow = row;
      return true;
    }
    return false;
  }
}
