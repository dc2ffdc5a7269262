/**
 * `units import FILE`, `requirements import FILE`, `exemptions import FILE` (each with
 * [--dry-run] [--json]): the target-group imports. Exit 1 and nothing written on any row error.
 */
import type { Db } from "../../db/client";
import { UserError } from "../domain/user-error";
import { runTargetImportOf, TARGET_IMPORT_TITLE } from "../services/target-imports";
import type { TargetImportKind } from "../services/target-imports/kind";
import type { ParsedArgs } from "./args";
import { limitsFromEnv, readInput, withErrors } from "./import";
import type { CliIo, CliOutput } from "./io";

const EXAMPLE_FILE: Record<TargetImportKind, string> = {
  units: "units import enhetsuppgifter.xlsx",
  requirements: "requirements import kurskrav.xlsx",
  exemptions: "exemptions import undantag.xlsx",
};

const COUNT_LABEL: Record<string, string> = {
  changed: "Ändrade enheter",
  unchanged: "Oförändrade",
  courses: "Kurser",
  rules: "Regler i filen",
  removed: "Regler som ersätts",
  created: "Nya undantag",
};

export async function targetImportCommand(
  kind: TargetImportKind,
  db: Db,
  args: ParsedArgs,
  io: CliIo,
): Promise<CliOutput> {
  if (!args.positionals[2])
    throw new UserError(`Ange filen som ska importeras, t.ex. ${EXAMPLE_FILE[kind]}.`);
  const limits = limitsFromEnv(io.env);
  const file = readInput(args, limits);
  const r = await runTargetImportOf(db, kind, {
    ...file,
    dryRun: args.values["dry-run"],
    userId: null,
    limits,
  });
  const json = {
    kind,
    rows: r.rows,
    ...r.counts,
    errors: r.errors.map((e) => ({ row: e.row, message: e.message })),
    dryRun: r.dryRun,
  };
  const footer =
    r.errors.length > 0
      ? "Inget sparades."
      : r.alreadyImportedAs !== null
        ? `Filen är redan importerad (import ${r.alreadyImportedAs}); inget ändrades.`
        : r.dryRun
          ? "Provkörning: inget sparades."
          : `Sparad som import ${r.importId}${r.empty ? " (inget behövde ändras)" : ""}.`;
  const text = [
    `${TARGET_IMPORT_TITLE[kind]} från ${r.fileName} (${r.format}): ${r.rows} rader.`,
    Object.entries(r.counts)
      .map(([k, n]) => `${COUNT_LABEL[k] ?? k}: ${n}`)
      .join("  "),
    ...(r.errors.length === 0 ? r.details : []),
    footer,
  ].join("\n");
  return withErrors({ json, text }, r.errors);
}
