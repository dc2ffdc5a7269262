import type { Import, ImportKind } from "../../db/schema";

/** What HR calls each kind of import, in Swedish. */
export const IMPORT_KIND_LABEL: Record<ImportKind, string> = {
  staff: "personalimport",
  completions: "kursexport",
  attendance: "närvarolista",
  units: "enhetsuppgifter",
  requirements: "kurskrav",
  exemptions: "undantag",
};

/** What an import's counts are called, in the plural ("3 nya, 2 slutat"); history and audit log. */
export const IMPORT_COUNT_LABEL: Record<string, string> = {
  rows: "rader",
  created: "nya",
  updated: "ändrade",
  unchanged: "oförändrade",
  left: "slutat",
  matched: "matchade",
  unmatched: "omatchade",
  ignored: "ignorerade",
  events: "händelser",
  changed: "ändrade",
  courses: "kurser",
  rules: "regler",
  removed: "ersatta regler",
};

/** "nr 12 (kursexport, export.csv)": an import named in messages and on the undo page. */
export const describeImport = (i: Pick<Import, "id" | "kind" | "fileName">) =>
  `nr ${i.id} (${IMPORT_KIND_LABEL[i.kind]}, ${i.fileName})`;
