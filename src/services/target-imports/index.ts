/** The target-group import kinds by name, for the CLI and the web's preview and confirm. */
import type { Db } from "../../../db/client";
import { EXEMPTIONS } from "./exemptions";
import type { ParsedTargetRows, TargetImportKind, TargetKindSpec, TargetPlan } from "./kind";
import { REQUIREMENTS } from "./requirements";
import { runTargetImport, type TargetImportInput } from "./run";
import { UNIT_ATTRIBUTES } from "./units";

// Each spec is typed by its own rows and plan; by name they are used through the shared shape.
const SPECS: Partial<Record<TargetImportKind, TargetKindSpec<ParsedTargetRows, TargetPlan>>> = {
  units: UNIT_ATTRIBUTES as unknown as TargetKindSpec<ParsedTargetRows, TargetPlan>,
  requirements: REQUIREMENTS as unknown as TargetKindSpec<ParsedTargetRows, TargetPlan>,
  exemptions: EXEMPTIONS as unknown as TargetKindSpec<ParsedTargetRows, TargetPlan>,
};

/** Swedish names of what each file holds, for headings and messages. */
export const TARGET_IMPORT_TITLE: Record<TargetImportKind, string> = {
  units: "Enhetsuppgifter",
  requirements: "Kurskrav",
  exemptions: "Undantag",
};

export function runTargetImportOf(
  db: Db,
  kind: TargetImportKind,
  input: TargetImportInput<ParsedTargetRows>,
) {
  const spec = SPECS[kind];
  if (!spec) throw new Error(`no import spec for ${kind}`);
  return runTargetImport(db, spec, input);
}
