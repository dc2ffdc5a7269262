/** How an import is named to people: in the undo confirmation and in the CLI's refusals. */
export type ImportKindName = "staff" | "completions" | "attendance";

const KIND_LABEL: Record<ImportKindName, string> = {
  staff: "personalimport",
  completions: "kursexport",
  attendance: "närvarolista",
};

export const describeImport = (i: { id: number; kind: ImportKindName; fileName: string }) =>
  `nr ${i.id} (${KIND_LABEL[i.kind]}, ${i.fileName})`;
