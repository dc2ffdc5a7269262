/**
 * One pipeline for the target-group imports, for the CLI and the web (preview → confirm):
 * everything validated first; a real apply plans again inside its write transaction (so it is
 * never stale), writes, records import_effects for the newest-first undo and audits.
 */
import type { Db, Tx } from "../../../db/client";
import { readSheet } from "../../../imports/read";
import { ImportFileError, type ReadLimits } from "../../../imports/read/types";
import { type RowError, toTable } from "../../../imports/table";
import { audit } from "../audit";
import {
  createImport,
  findSameFile,
  finishImport,
  recordEffects,
  sha256Hex,
} from "../imports/record";
import type { ParsedTargetRows, TargetImportKind, TargetKindSpec, TargetPlan } from "./kind";

export interface ParsedTargetFile<Rows = ParsedTargetRows> {
  rows: Rows;
  format: string;
  sha256: string;
}

export interface TargetImportInput<Rows> {
  fileName: string;
  dryRun: boolean;
  userId: number | null;
  ip?: string | null;
  /** The file; or `parsed`, the rows a preview kept for its confirm. */
  bytes?: Uint8Array;
  parsed?: ParsedTargetFile<Rows>;
  limits?: ReadLimits;
  /** Takes the saved preview inside the write transaction; false = gone (see imports/runner). */
  claim?: (tx: Tx) => Promise<boolean>;
}

export interface TargetImportReport {
  kind: TargetImportKind;
  fileName: string;
  format: string;
  rows: number;
  counts: Record<string, number>;
  details: string[];
  errors: RowError[];
  dryRun: boolean;
  /** Applying would change nothing (the data already says what the file says). */
  empty: boolean;
  importId: number | null;
  alreadyImportedAs: number | null;
}

export async function parseTargetFile<Rows extends ParsedTargetRows>(
  spec: TargetKindSpec<Rows, TargetPlan>,
  bytes: Uint8Array,
  fileName: string,
  limits?: ReadLimits,
): Promise<ParsedTargetFile<Rows>> {
  const sheet = readSheet(bytes, fileName, limits);
  const rows = spec.parse(
    toTable(sheet, spec.what, { example: spec.example, keepSingleCellRows: true }),
  );
  if (rows.rows.length === 0 && rows.errors.length === 0)
    throw new ImportFileError("Filen har en rubrikrad men inga rader under den.");
  return { rows, format: sheet.format, sha256: await sha256Hex(bytes) };
}

export async function runTargetImport<Rows extends ParsedTargetRows, Plan extends TargetPlan>(
  db: Db,
  spec: TargetKindSpec<Rows, Plan>,
  input: TargetImportInput<Rows>,
): Promise<TargetImportReport & { parsed: ParsedTargetFile<Rows> }> {
  const parsed =
    input.parsed ??
    (await parseTargetFile(spec, input.bytes ?? new Uint8Array(), input.fileName, input.limits));
  const report: TargetImportReport = {
    kind: spec.kind,
    fileName: input.fileName,
    format: parsed.format,
    rows: parsed.rows.rows.length + new Set(parsed.rows.errors.map((e) => e.row)).size,
    counts: {},
    details: [],
    errors: [...parsed.rows.errors],
    dryRun: input.dryRun,
    empty: true,
    importId: null,
    alreadyImportedAs: null,
  };
  const take = (plan: Plan) => {
    report.counts = plan.counts;
    report.details = plan.details;
    report.errors = [...report.errors, ...plan.errors].sort((a, b) => a.row - b.row);
    report.empty = plan.empty;
  };
  if (input.dryRun || report.errors.length > 0) {
    take(await spec.plan(db, parsed.rows));
    if (report.errors.length === 0)
      report.alreadyImportedAs = await findSameFile(db, spec.kind, parsed.sha256, null);
    return { ...report, parsed };
  }
  await db.transaction(async (tx) => {
    report.alreadyImportedAs = await findSameFile(tx, spec.kind, parsed.sha256, null);
    if (report.alreadyImportedAs !== null) return;
    if (input.claim && !(await input.claim(tx)))
      throw new ImportFileError(
        "Förhandsgranskningen finns inte längre. Ladda upp filen igen.",
        410,
      );
    const plan = await spec.plan(tx, parsed.rows);
    take(plan);
    if (report.errors.length > 0) return;
    const importId = await createImport(tx, {
      kind: spec.kind,
      fileName: input.fileName,
      sha256: parsed.sha256,
      asOf: null,
      userId: input.userId,
    });
    const effects = await spec.apply(tx, plan, { importId, userId: input.userId });
    await recordEffects(tx, effects);
    await finishImport(tx, importId, { rows: report.rows, ...plan.counts });
    await audit(tx, {
      userId: input.userId,
      action: "import.applied",
      target: `import:${importId}`,
      detail: { kind: spec.kind, fileName: input.fileName, sha256: parsed.sha256, ...plan.counts },
      ip: input.ip ?? null,
    });
    report.importId = importId;
  });
  return { ...report, parsed };
}
