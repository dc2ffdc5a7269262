/**
 * Counts rows and cells of an upload BEFORE a parser builds them in memory: on Workers an
 * isolate has 128 MB, and SheetJS needs ~280 bytes per cell (a 50 000-row staff list fits in
 * a 1.5 MB .xlsx and needs ≈130 MB to parse). For .xlsx the worksheet XML is inflated in
 * streaming chunks and its <row>/<c> tags counted, stopping at the cap; for CSV the line
 * breaks and the header line's delimiter are counted in the raw bytes.
 */
import { Unzip, UnzipInflate } from "fflate";
import { ImportFileError } from "./types";
import { COLON, endsTagName, LT, SLASH } from "./xml-chars";

export interface SizeCaps {
  maxRows: number;
  maxCells: number;
}

export interface SheetSize {
  rows: number;
  cells: number;
}

const ROW = [0x72, 0x6f, 0x77]; // "row"
const C = 0x63; // "c"

function tooLarge(caps: SizeCaps, size: SheetSize): ImportFileError {
  const what =
    size.rows > caps.maxRows
      ? `fler än ${caps.maxRows.toLocaleString("sv-SE")} rader`
      : `fler än ${caps.maxCells.toLocaleString("sv-SE")} celler`;
  return new ImportFileError(
    `Filen har ${what}, mer än webbtjänsten kan läsa på en gång. Ta bort tomma rader och kolumner som inte behövs, eller be systemförvaltaren importera filen med kommandoraden.`,
  );
}

/** Counts XML start tags named row/c (any namespace prefix) in a stream of chunks. */
class TagCounter {
  size: SheetSize = { rows: 0, cells: 0 };
  private carry = new Uint8Array(0);

  push(chunk: Uint8Array): void {
    const data = this.carry.length ? concat(this.carry, chunk) : chunk;
    let i = data.indexOf(LT);
    while (i >= 0) {
      // A tag name cut off by the chunk's end is finished with the next chunk.
      if (data.length - i < 24) {
        this.carry = data.slice(i);
        return;
      }
      this.count(data, i + 1);
      i = data.indexOf(LT, i + 1);
    }
    this.carry = new Uint8Array(0);
  }

  private count(data: Uint8Array, start: number): void {
    if (data[start] === SLASH) return;
    let end = start;
    let nameStart = start;
    while (end < start + 20 && !endsTagName(data[end])) {
      if (data[end] === COLON) nameStart = end + 1;
      end++;
    }
    const length = end - nameStart;
    if (length === 1 && data[nameStart] === C) this.size.cells++;
    else if (length === 3 && ROW.every((b, k) => data[nameStart + k] === b)) this.size.rows++;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Rows and cells of every worksheet in an .xlsx; throws as soon as a cap is passed. */
export function checkXlsxSize(bytes: Uint8Array, caps: SizeCaps): SheetSize {
  const counter = new TagCounter();
  const over = () => counter.size.rows > caps.maxRows || counter.size.cells > caps.maxCells;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(file.name)) return;
    // fflate turns an exception thrown here into an error callback, so the cap is checked
    // by the loop below, between chunks.
    file.ondata = (error, chunk) => {
      if (!error && !over()) counter.push(chunk);
    };
    file.start();
  };
  const STEP = 64 * 1024;
  for (let at = 0; at < bytes.length && !over(); at += STEP) {
    try {
      unzip.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
    } catch {
      break; // a damaged archive: SheetJS reports it with its own message
    }
  }
  if (over()) throw tooLarge(caps, counter.size);
  return counter.size;
}

const DELIMITERS = [0x3b, 0x2c, 0x09]; // ; , tab

/** Lines and fields of a CSV file, counted in the raw bytes (any ASCII-compatible encoding). */
export function checkCsvSize(bytes: Uint8Array, caps: SizeCaps): SheetSize {
  // Title rows above the header have no delimiters, so look at the first lines together.
  const delimiter = mostFrequent(bytes.subarray(0, 16 * 1024), DELIMITERS);
  let rows = 0;
  let cells = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a) {
      rows++;
      cells++;
    } else if (b === delimiter) cells++;
  }
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) {
    rows++;
    cells++;
  }
  const size = { rows, cells };
  if (rows > caps.maxRows || cells > caps.maxCells) throw tooLarge(caps, size);
  return size;
}

function mostFrequent(head: Uint8Array, candidates: number[]): number {
  const counts = candidates.map((d) => head.filter((b) => b === d).length);
  return candidates[counts.indexOf(Math.max(...counts))]!;
}
