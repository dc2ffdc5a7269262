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

/** "nr 12 (kursexport, export.csv)": an import named in messages and on the undo page. */
export const describeImport = (i: Pick<Import, "id" | "kind" | "fileName">) =>
  `nr ${i.id} (${IMPORT_KIND_LABEL[i.kind]}, ${i.fileName})`;
