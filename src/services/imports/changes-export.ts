/** The staff preview's per-person changes as a CSV for Excel (the full list, not the page's first). */
import type { StaffChange } from "../../../imports/staff-changes";
import { toCsv } from "../../domain/export-cells";

const KIND: Record<StaffChange["kind"], string> = {
  created: "Ny",
  updated: "Ändrad",
  left: "Slutar",
};

const HEADER = [
  "Ändring",
  "Namn",
  "Anställningsnummer",
  "E-post",
  "Enhet före",
  "Enhet efter",
  "Befattning före",
  "Befattning efter",
  "E-post före",
  "Namn före",
  "Förklaring",
];

export function staffChangesCsv(changes: readonly StaffChange[]): string {
  return toCsv(
    HEADER,
    changes.map((c) => [
      KIND[c.kind],
      c.name,
      c.employeeNo,
      c.email,
      c.unit.before,
      c.unit.after,
      c.title.before,
      c.title.after,
      c.emailChange?.before ?? null,
      c.nameChange?.before ?? null,
      c.note || null,
    ]),
  );
}
