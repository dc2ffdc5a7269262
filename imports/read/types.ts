import { UserError, type UserErrorStatus } from "../../src/domain/user-error";
/** What the readers hand on: the cells of one sheet, with row numbers as Excel shows them. */

/** A cell value: text, a raw number (Excel serials stay numbers), or empty. */
export type Cell = string | number | null;

export interface SheetRow {
  /** 1-based row number as the user sees it in Excel (title rows count). */
  row: number;
  cells: Cell[];
}

export interface Sheet {
  rows: SheetRow[];
  /** Workbooks saved with the 1904 date system count serials from 1904-01-01. */
  date1904: boolean;
  /** What was detected, for messages and the preview ("CSV, Windows-1252, semikolon"). */
  format: string;
}

export interface ReadLimits {
  /** Largest accepted file in bytes. */
  maxBytes: number;
  /** More data rows than this is not a staff list but a mistake (or an attack). */
  maxRows: number;
  maxColumns: number;
  /** Largest unpacked size of an .xlsx archive (zip bombs); default from maxBytes. */
  maxUnzippedBytes?: number;
  /** Most cells (rows × used columns) one sheet may have; default DEFAULT_MAX_CELLS. */
  maxCells?: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 500,
};

/** A problem with the file as a whole; the message is Swedish and says what to do. */
export class ImportFileError extends UserError {
  override name = "ImportFileError";
  constructor(message: string, status: UserErrorStatus = 422) {
    super(message, status);
  }
}
