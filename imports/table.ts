/**
 * From a sheet of cells to a table of known fields: finds the header row below any title
 * rows, maps its columns through the synonym table and drops a personnummer column.
 */
import { detectSlashOrder, parseDate, type SlashOrder } from "./dates";
import { type Field, fieldOf } from "./headers";
import { type Cell, ImportFileError, type Sheet } from "./read/types";
import { cleanText, lengthProblem } from "./text-hygiene";

/** Title rows above the header are common; the header is looked for in the first rows. */
const HEADER_SEARCH_ROWS = 30;

export interface Column {
  index: number;
  /** The header as written in the file, for messages ("kolumn Anställningsdatum"). */
  label: string;
}

export interface TableRow {
  row: number;
  cells: Cell[];
}

export interface Table {
  headerRow: number;
  columns: Partial<Record<Field, Column>>;
  /** Headers we do not know, kept for the raw row of the unmatched queue. */
  otherColumns: Column[];
  rows: TableRow[];
  /** Text of the title rows above the header ("Närvarolista – Fördjupad utbildning 14/10"). */
  titleCells: string[];
  date1904: boolean;
  format: string;
  slashOrder: Partial<Record<Field, SlashOrder>>;
}

export interface RowError {
  row: number;
  message: string;
}

function recognised(cells: readonly Cell[]): Map<Field, Column> {
  const found = new Map<Field, Column>();
  cells.forEach((cell, index) => {
    if (typeof cell !== "string") return;
    const field = fieldOf(cell);
    if (field && !found.has(field)) found.set(field, { index, label: cell.trim() });
  });
  return found;
}

/**
 * The header is the row (among the first 30) naming most known columns, at least two.
 * `what` says in the error what kind of file was expected.
 */
export function toTable(
  sheet: Sheet,
  what: string,
  opts: { example?: string; keepSingleCellRows?: boolean } = {},
): Table {
  let best: { at: number; found: Map<Field, Column> } | null = null;
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const found = recognised(sheet.rows[i]!.cells);
    if (found.size >= 2 && (!best || found.size > best.found.size)) best = { at: i, found };
  }
  if (!best) {
    throw new ImportFileError(
      `Hittar ingen rubrikrad i filen. En ${what} behöver en rad med kolumnrubriker, t.ex. ${
        opts.example ??
        (what.startsWith("personal")
          ? "Anställningsnummer, Förnamn, Efternamn, E-post, Enhet"
          : what.startsWith("handlingsplan")
            ? "Område, Aktivitet, Ansvarig, Tidplan, Status"
            : "Namn, E-post, Kurs, Status, Slutförd datum")
      }.`,
    );
  }
  const header = sheet.rows[best.at]!;
  const columns: Partial<Record<Field, Column>> = {};
  for (const [field, col] of best.found) {
    if (field !== "personnummer") columns[field] = col;
  }
  const known = new Set([...best.found.values()].map((c) => c.index));
  const otherColumns: Column[] = [];
  header.cells.forEach((cell, index) => {
    if (cell !== null && !known.has(index))
      otherColumns.push({ index, label: String(cell).trim() });
  });
  // A lone cell below a real table is a note or a total ("Antal: 120"), not a person (but in
  // a rules file "vbe-webb" alone is a rule: everyone).
  const rows = sheet.rows
    .slice(best.at + 1)
    .filter((r) => opts.keepSingleCellRows || best.found.size < 3 || filledCells(r.cells) > 1);
  // One system wrote the file, so one order for all its dates: a 3/25/2025 in Startdatum
  // also makes the Slutförd datum 4/3/2025 read 3 April.
  const mapped = Object.entries(columns) as Array<[Field, Column]>;
  const mappedCells: Cell[] = [];
  for (const r of rows) for (const [, col] of mapped) mappedCells.push(r.cells[col.index] ?? null);
  const order = detectSlashOrder(mappedCells);
  const slashOrder: Partial<Record<Field, SlashOrder>> = {};
  for (const [field] of mapped) slashOrder[field] = order;
  return {
    headerRow: header.row,
    columns,
    otherColumns,
    rows,
    titleCells: sheet.rows
      .slice(0, best.at)
      .flatMap((r) => r.cells.filter((v): v is string => typeof v === "string")),
    date1904: sheet.date1904,
    format: sheet.format,
    slashOrder,
  };
}

/** Cells that hold something, counted up to 2 (all the filter above needs). */
function filledCells(cells: readonly Cell[]): number {
  let n = 0;
  for (const v of cells) if (v !== null && ++n > 1) break;
  return n;
}

/** Reads fields of one row and collects actionable errors ("Rad 17, kolumn X: …"). */
export class RowReader {
  constructor(
    private readonly table: Table,
    private readonly row: TableRow,
    private readonly errors: RowError[],
  ) {}

  has(field: Field): boolean {
    return this.table.columns[field] !== undefined;
  }

  cell(field: Field): Cell {
    const col = this.table.columns[field];
    return col ? (this.row.cells[col.index] ?? null) : null;
  }

  private readonly tooLong = new Set<Field>();
  /** Fields are read several times per row (status, dates): each is cleaned once. */
  private readonly texts = new Map<Field, string>();

  /**
   * Clean text (NFC, no control/bidi/zero-width characters, whitespace collapsed and trimmed;
   * see text-hygiene.ts); "" when empty or absent. Longer than the field allows is a row
   * error, reported once per field however often the field is read.
   */
  text(field: Field): string {
    const known = this.texts.get(field);
    if (known !== undefined) return known;
    const v = this.cell(field);
    if (v === null) return "";
    const text = cleanText(typeof v === "number" ? numberText(v) : v);
    this.texts.set(field, text);
    const problem = lengthProblem(field, text);
    if (problem && !this.tooLong.has(field)) {
      this.tooLong.add(field);
      this.fail(field, problem);
    }
    return text;
  }

  date(field: Field): string | null {
    const v = this.cell(field);
    // A file repeats the same few hundred dates over 150 000 rows: parse each once.
    // Keyed by the cell itself: a Map tells the text "45000" from the number 45000.
    let byField = DATE_CACHE.get(this.table);
    if (!byField) {
      byField = new Map();
      DATE_CACHE.set(this.table, byField);
    }
    let cache = byField.get(field);
    if (!cache) {
      cache = new Map();
      byField.set(field, cache);
    }
    const key = v;
    let d = cache.get(key);
    if (!cache.has(key)) {
      d = parseDate(v, {
        date1904: this.table.date1904,
        slashOrder: this.table.slashOrder[field] ?? "dmy",
      });
      cache.set(key, d);
    }
    if (d === undefined) {
      const shown = cleanText(typeof v === "number" ? numberText(v) : String(v)).slice(0, 100);
      this.fail(field, `'${shown}' är inget datum`);
      return null;
    }
    return d;
  }

  fail(field: Field | null, message: string): void {
    const col = field ? this.table.columns[field] : undefined;
    // Labels come from the file: cleaned like values, since errors reach terminals too.
    const where = col ? `, kolumn ${cleanText(col.label)}` : "";
    this.errors.push({ row: this.row.row, message: `Rad ${this.row.row}${where}: ${message}` });
  }

  /** The row as the file wrote it (known and unknown columns; never a personnummer). */
  raw(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const col of rawColumns(this.table)) {
      const v = this.row.cells[col.index];
      if (v === null || v === undefined) continue;
      const text = cleanText(typeof v === "number" ? numberText(v) : v);
      // An unnamed personnummer column must not slip into the stored raw row either (a
      // named one is not among rawColumns).
      if (PERSONNUMMER.test(text)) continue;
      out[col.key] = text.slice(0, RAW_MAX_LENGTH);
    }
    return out;
  }
}

/** A column of the raw row with its key: the label cleaned and cut once per table. */
type RawColumn = Column & { key: string };

const RAW_COLUMNS = new WeakMap<Table, RawColumn[]>();
const DATE_CACHE = new WeakMap<Table, Map<Field, Map<Cell, string | null | undefined>>>();

/** The columns a raw row keeps, in file order, worked out once per table (not per row). */
function rawColumns(table: Table): RawColumn[] {
  let columns = RAW_COLUMNS.get(table);
  if (!columns) {
    columns = ([...Object.values(table.columns), ...table.otherColumns] as Column[])
      .filter((col) => !/personn|pnr/i.test(col.label))
      .sort((a, b) => a.index - b.index)
      .map((col) => ({ ...col, key: cleanText(col.label).slice(0, RAW_MAX_LENGTH) }));
    RAW_COLUMNS.set(table, columns);
  }
  return columns;
}

const PERSONNUMMER = /^(\d{2})?\d{6}[-+ ]?\d{4}$/;
/** A raw row is kept for HR to read in the unmatched queue; more than this is noise. */
const RAW_MAX_LENGTH = 500;

/** Numbers as a person would type them (employee numbers read from Excel are numbers). */
export function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}
