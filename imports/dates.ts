/**
 * Dates as HR's files write them. Accepted: Excel serial numbers (1900 or 1904 system),
 * ISO `2025-03-04` (a local time after it is ignored: `2025-03-04 10:15`; an instant with a
 * zone, `2025-03-04T23:30:00Z`, is dated in Stockholm: 2025-03-05), `2025/03/04`,
 * `20250304`, `4.3.2025` (day first), Swedish/English month names (`4 mars 2025`) and
 * `4/3/2025`: day first, as in Sweden, unless the same file has a value like `3/25/2025`
 * that only reads month first — then all its dates are read month first.
 */
import { isIsoDate, stockholmDate } from "../src/domain/dates";
import type { Cell } from "./read/types";

export type SlashOrder = "dmy" | "mdy";

export interface DateOptions {
  slashOrder?: SlashOrder;
  date1904?: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  februari: 2,
  february: 2,
  mar: 3,
  mars: 3,
  march: 3,
  apr: 4,
  april: 4,
  maj: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  aug: 8,
  augusti: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oct: 10,
  oktober: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const DAY_MS = 86_400_000;

function iso(y: number, m: number, d: number): string | undefined {
  if (y < MIN_YEAR || y > MAX_YEAR) return undefined;
  const s = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return isIsoDate(s) ? s : undefined;
}

/** An Excel serial day number as an ISO date (the time of day, if any, is dropped). */
export function fromExcelSerial(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial) || serial < 1) return undefined;
  // Day 0 is 1899-12-30 in the 1900 system (Excel's fictitious 1900-02-29 is day 60).
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + Math.floor(serial) * DAY_MS);
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * An ISO date, `null` for an empty cell, or `undefined` when the value is not a date
 * (the caller reports it with row and column).
 */
export function parseDate(cell: Cell, opts: DateOptions = {}): string | null | undefined {
  if (cell === null) return null;
  if (typeof cell === "number") {
    // 20250304 typed into a number cell.
    if (Number.isInteger(cell) && cell >= 19000101 && cell <= 21001231) {
      return iso(Math.floor(cell / 10000), Math.floor(cell / 100) % 100, cell % 100);
    }
    return fromExcelSerial(cell, opts.date1904);
  }
  const s = cell.trim().replace(/\s+/g, " ");
  if (s === "") return null;
  // An instant with a zone (cloud platforms export UTC) is dated where the course was taken.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const instant = new Date(s);
    if (!Number.isNaN(instant.getTime())) return stockholmDate(instant);
  }
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}[:.]\d{2}.*)?$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: \d{1,2}[:.]\d{2}.*)?$/.exec(s);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:,? \d{1,2}[:.]\d{2}.*)?$/.exec(s);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return opts.slashOrder === "mdy" ? iso(y, a, b) : iso(y, b, a);
  }
  m = /^(\d{1,2}) ([a-zåäö]+)\.? (\d{4})$/i.exec(s);
  if (m) {
    const month = MONTHS[m[2]!.toLocaleLowerCase("sv-SE")];
    return month ? iso(Number(m[3]), month, Number(m[1])) : undefined;
  }
  return undefined;
}

/**
 * Day or month first for a file's `4/3/2025`-style values: month first only when some
 * value cannot be day first (`3/25/2025`) and none cannot be month first.
 */
export function detectSlashOrder(cells: readonly Cell[]): SlashOrder {
  let dayFirstOnly = false;
  let monthFirstOnly = false;
  for (const cell of cells) {
    if (typeof cell !== "string") continue;
    const m = /^\s*(\d{1,2})[/-](\d{1,2})[/-]\d{4}/.exec(cell);
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirstOnly = true;
    if (Number(m[2]) > 12) monthFirstOnly = true;
  }
  return monthFirstOnly && !dayFirstOnly ? "mdy" : "dmy";
}
