/** `plan import FILE --year Y [--dry-run] [--json]` (contract in DESIGN.md, "Command line"). */
import type { Db } from "../../db/client";
import { UserError } from "../domain/user-error";
import { importPlan } from "../services/plan-import";
import { type ParsedArgs, yearFlag } from "./args";
import { limitsFromEnv, readInput, withErrors } from "./import";
import type { CliIo, CliOutput } from "./io";

export async function planImportCommand(db: Db, args: ParsedArgs, io: CliIo): Promise<CliOutput> {
  if (!args.positionals[2]) {
    throw new UserError(
      "Ange filen med handlingsplanen, t.ex. plan import handlingsplan-2019.xlsx --year 2019.",
    );
  }
  const year = yearFlag(args.values.year);
  const limits = limitsFromEnv(io.env);
  const file = readInput(args, limits);
  const r = await importPlan(db, {
    ...file,
    year,
    dryRun: args.values["dry-run"],
    userId: null,
    limits,
    now: io.now(),
  });
  const json = {
    year: r.year,
    rows: r.rows,
    created: r.created,
    updated: r.updated,
    errors: r.errors.map((e) => ({ row: e.row, message: e.message })),
    dryRun: r.dryRun,
  };
  const footer =
    r.errors.length > 0
      ? "Inget sparades."
      : r.dryRun
        ? "Provkörning: inget sparades."
        : r.created + r.updated === 0
          ? "Handlingsplanen var redan aktuell; inget ändrades."
          : `Handlingsplanen för ${year} är sparad.`;
  const text = [
    `Handlingsplan ${year} från ${r.fileName} (${r.format}): ${r.rows} rader.`,
    `Nya: ${r.created}  Ändrade: ${r.updated}  Oförändrade: ${r.unchanged}`,
    footer,
  ].join("\n");
  return withErrors({ json, text }, r.errors);
}
