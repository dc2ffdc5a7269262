/**
 * The three target-group imports (enhetsuppgifter, kurskrav, undantag) share one pipeline
 * (run.ts): bytes → table → rows (pure, imports/) → a plan against the database (lookups and
 * row errors) → one transaction that writes, records its undo effects and is audited. Each
 * kind says how to do its own steps.
 */
import type { DbOrTx, Tx } from "../../../db/client";
import type { RowError, Table } from "../../../imports/table";
import type { Effect } from "../imports/record";

export const TARGET_IMPORT_KINDS = ["units", "requirements", "exemptions"] as const;
export type TargetImportKind = (typeof TARGET_IMPORT_KINDS)[number];

/** What a kind's planning found: row errors, counts for the report, lines for the preview. */
export interface TargetPlan {
  errors: RowError[];
  counts: Record<string, number>;
  /** What will change, one line each ("Socialtjänst: funktionsnivå … → …"). */
  details: string[];
  /** True when applying would change nothing. */
  empty: boolean;
}

export interface ParsedTargetRows {
  rows: readonly unknown[];
  errors: RowError[];
}

export interface TargetKindSpec<Rows extends ParsedTargetRows, Plan extends TargetPlan> {
  kind: TargetImportKind;
  /** "fil med enhetsuppgifter": named in the header error. */
  what: string;
  /** Column headers named when no header row is found. */
  example: string;
  parse(table: Table): Rows;
  plan(db: DbOrTx, rows: Rows): Promise<Plan>;
  /** Writes the plan; returns the effects undo needs, in the order they happened. */
  apply(tx: Tx, plan: Plan, ctx: { importId: number; userId: number | null }): Promise<Effect[]>;
}
