/** `import staff|completions FILE` and `import undo KIND` (contract in DESIGN.md, "Command line"). */
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import type { Db } from "../../db/client";
import { IMPORT_KINDS, type ImportKind } from "../../db/schema";
import { formatMegabytes } from "../../imports/read";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../../imports/read/types";
import { stockholmDate } from "../domain/dates";
import { UserError } from "../domain/user-error";
import { importCompletions } from "../services/imports/completions";
import { importStaff } from "../services/imports/staff";
import type { CompletionsReport, StaffReport } from "../services/imports/types";
import { undoLatestImport } from "../services/imports/undo";
import { dateFlag, type ParsedArgs } from "./args";
import { type CliIo, type CliOutput, EXIT_BAD_INPUT } from "./io";

/** Default 20 MB; IMPORT_LIMIT_MB changes it (the web server reads the same variable). */
export function limitsFromEnv(env: CliIo["env"]): ReadLimits {
  const mb = Number(env.IMPORT_LIMIT_MB);
  return Number.isFinite(mb) && mb > 0
    ? { ...DEFAULT_READ_LIMITS, maxBytes: Math.round(mb * 1024 * 1024) }
    : DEFAULT_READ_LIMITS;
}

export function readInput(
  args: ParsedArgs,
  limits: ReadLimits,
): { bytes: Uint8Array; fileName: string } {
  const path = args.positionals[2];
  if (!path)
    throw new UserError("Ange filen som ska importeras, t.ex. import staff personal.xlsx.");
  if (args.positionals.length > 3) throw new UserError("Ange en fil per import.");
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new UserError(`'${path}' är ingen fil.`);
    size = st.size;
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`Hittar inte filen '${path}'.`);
  }
  if (size > limits.maxBytes) {
    throw new UserError(
      `Filen är ${formatMegabytes(size)}; högst ${formatMegabytes(limits.maxBytes)} tas emot.`,
    );
  }
  const buf = readFileSync(path);
  return {
    bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength),
    fileName: basename(path),
  };
}

export function withErrors(out: CliOutput, errors: ReadonlyArray<{ message: string }>): CliOutput {
  if (errors.length === 0) return out;
  return {
    ...out,
    exitCode: EXIT_BAD_INPUT,
    stderr: `Fel: filen har ${errors.length} fel och importerades inte:\n${errors.map((e) => `  ${e.message}`).join("\n")}\n`,
  };
}

function footer(r: StaffReport | CompletionsReport, errors: number): string {
  if (errors > 0) return "Inget sparades.";
  if (r.alreadyImportedAs !== null)
    return `Filen är redan importerad (import ${r.alreadyImportedAs}); inget ändrades.`;
  if (r.dryRun) return "Provkörning: inget sparades.";
  return `Sparad som import ${r.importId}.`;
}

export async function importStaffCommand(db: Db, args: ParsedArgs, io: CliIo): Promise<CliOutput> {
  const asOf = dateFlag(args.values["as-of"], "as-of") ?? stockholmDate(io.now());
  const limits = limitsFromEnv(io.env);
  const file = readInput(args, limits);
  const r = await importStaff(db, {
    ...file,
    asOf,
    dryRun: args.values["dry-run"],
    userId: null,
    limits,
  });
  const json = {
    kind: "staff",
    asOf: r.asOf,
    rows: r.rows,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    left: r.left,
    posts: r.posts,
    errors: r.errors.map((e) => ({ row: e.row, message: e.message })),
    dryRun: r.dryRun,
  };
  const text = [
    `Personalimport per ${r.asOf} från ${r.fileName} (${r.format}): ${r.rows} rader.`,
    `Nya: ${r.created}  Ändrade: ${r.updated}  Oförändrade: ${r.unchanged}  Slutat: ${r.left}`,
    `Tjänster (anställningar): ${r.posts.opened} börjar, ${r.posts.closed} slutar`,
    ...r.who.posts,
    ...(r.newUnits.length > 0 ? [`Nya enheter: ${r.newUnits.join(", ")}`] : []),
    ...(r.renamedUnits.length > 0 ? [`Nytt namn: ${r.renamedUnits.join(", ")}`] : []),
    ...(r.warning ? [r.warning] : []),
    footer(r, r.errors.length),
  ].join("\n");
  return withErrors({ json, text }, r.errors);
}

export async function importCompletionsCommand(
  db: Db,
  args: ParsedArgs,
  io: CliIo,
): Promise<CliOutput> {
  // --as-of is accepted and ignored: course files carry a date on every row.
  const limits = limitsFromEnv(io.env);
  const file = readInput(args, limits);
  const r = await importCompletions(db, {
    ...file,
    dryRun: args.values["dry-run"],
    userId: null,
    limits,
  });
  const json = {
    kind: "completions",
    rows: r.rows,
    matched: r.matched,
    unmatched: r.unmatched,
    ignored: r.ignored,
    errors: r.errors.map((e) => ({ row: e.row, message: e.message })),
    dryRun: r.dryRun,
  };
  const text = [
    `${r.fileKind === "attendance" ? "Närvarolista" : "Kursexport"} från ${r.fileName} (${r.format}): ${r.rows} rader.`,
    `Matchade: ${r.matched}  Omatchade: ${r.unmatched}  Ignorerade: ${r.ignored}  Nya händelser: ${r.newEvents}`,
    footer(r, r.errors.length),
  ].join("\n");
  return withErrors({ json, text }, r.errors);
}

export async function importUndoCommand(db: Db, args: ParsedArgs): Promise<CliOutput> {
  const kind = args.positionals[2];
  if (!kind || !(IMPORT_KINDS as readonly string[]).includes(kind)) {
    throw new UserError(`Ange vilket slags import som ska ångras: ${IMPORT_KINDS.join(", ")}.`);
  }
  const r = await undoLatestImport(db, kind as ImportKind, { userId: null });
  return {
    json: { undone: r.importId, kind: r.kind, fileName: r.fileName, reverted: r.reverted },
    text: `Import ${r.importId} (${r.fileName}) är ångrad: ${r.reverted} ändringar återställda.`,
  };
}
