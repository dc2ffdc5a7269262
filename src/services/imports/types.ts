/** What an import reports: the CLI prints a subset (DESIGN.md contract), the web a preview. */

import type { Tx } from "../../../db/client";
import type { CompletionRows } from "../../../imports/completion-rows";
import type { ReadLimits } from "../../../imports/read/types";
import type { StaffChange } from "../../../imports/staff-changes";
import type { StaffRows } from "../../../imports/staff-rows";
import type { RowError } from "../../../imports/table";
import type { UnmatchedDetail } from "../../../imports/unmatched-reasons";
import type { ParsedFile } from "./parse";

export interface ImportInput<Parsed = ParsedFile<StaffRows> | ParsedFile<CompletionRows>> {
  bytes: Uint8Array;
  fileName: string;
  dryRun: boolean;
  userId: number | null;
  ip?: string | null;
  limits?: ReadLimits;
  /** Already parsed (in a worker thread on Node); otherwise parsed here. */
  parsed?: Parsed;
  /**
   * Run first inside the write transaction; false aborts (the web's saved preview is taken
   * there, so it survives a failed confirm and two confirms cannot both use it).
   */
  claim?: (tx: Tx) => Promise<boolean>;
  /** Filled with the milliseconds spent parsing and holding the write lock (benchmarks). */
  timings?: ImportTimings;
}

export interface ImportTimings {
  parseMs?: number;
  writeMs?: number;
}

interface CommonReport {
  rows: number;
  errors: RowError[];
  dryRun: boolean;
  /** Id of the import written, null for dry runs, errors and files already imported. */
  importId: number | null;
  /** The earlier import of the identical file; nothing was written this time. */
  alreadyImportedAs: number | null;
  /** What was detected ("Excel (.xlsx), blad 'Personal'"). */
  format: string;
  fileName: string;
}

export interface StaffReport extends CommonReport {
  kind: "staff";
  asOf: string;
  created: number;
  updated: number;
  unchanged: number;
  left: number;
  /** Posts (anställningar) opened, and closed or withdrawn; the counts above are per person. */
  posts: { opened: number; closed: number };
  newUnits: string[];
  /** "Old name → new name" for units the file renames (same code). */
  renamedUnits: string[];
  /** Names of who is new, changed or gone (preview only). */
  who: { created: string[]; updated: string[]; left: string[]; posts: string[] };
  /** Per person: old → new unit, befattning, e-mail, and why leavers leave (preview only). */
  changes: StaffChange[];
  /** The date the file itself names (title row or file name), to check `asOf` against. */
  fileDate: { date: string; source: "rubrikraden" | "filnamnet" } | null;
  /** People with a current employment before this import (to put `left` in proportion). */
  currentBefore: number;
  /** Set when the file would end many employments (a partial list by mistake?). */
  warning: string | null;
}

export interface CompletionsReport extends CommonReport {
  kind: "completions";
  /** completions (webbutbildning export) or attendance (närvarolista). */
  fileKind: "completions" | "attendance";
  matched: number;
  unmatched: number;
  ignored: number;
  /** Events not already in the database (what the import adds). */
  newEvents: number;
  /** Why rows matched no one: counts per reason and the first rows (set once rows are matched). */
  unmatchedDetail?: UnmatchedDetail;
}

export type ImportReport = StaffReport | CompletionsReport;
