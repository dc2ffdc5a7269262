/** The exported tables: Swedish column headers and one row of cells per unit or person. */
import type { CoverageFigures, UnitRef } from "./coverage";
import type { Cell } from "./export-cells";
import { STATUS_LABEL, type StaffStatus } from "./staff-status";

export interface ExportTable {
  header: string[];
  rows: Cell[][];
}

export function coverageExportTable(
  rows: ReadonlyArray<{ unit: UnitRef } & CoverageFigures>,
  asOf: string,
): ExportTable {
  return {
    header: [
      "Enhet",
      "Enhetskod",
      "Per datum",
      "Anställda",
      "Påbörjat eller genomfört",
      "Genomfört",
      "Ej påbörjat",
      "Andel nådda (%)",
    ],
    rows: rows.map((r) => [
      r.unit.name,
      r.unit.code,
      asOf,
      r.headcount,
      r.reached,
      r.completed,
      r.notStarted,
      r.percentReached,
    ]),
  };
}

export function staffExportTable(rows: readonly StaffStatus[], asOf: string): ExportTable {
  return {
    header: [
      "Namn",
      "Anställningsnummer",
      "E-post",
      "Enhet",
      "Befattning",
      "Status",
      "Påbörjad datum",
      "Genomförd datum",
      "Per datum",
    ],
    rows: rows.map((r) => [
      r.name,
      r.employeeNo,
      r.email,
      r.units,
      r.title,
      STATUS_LABEL[r.status],
      r.startedOn,
      r.completedOn,
      asOf,
    ]),
  };
}
