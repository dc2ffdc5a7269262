/** The exported tables: Swedish column headers and one row of cells per unit or person. */
import type { AnnualFigures } from "./annual";
import { type CoverageFigures, percent, type UnitRef } from "./coverage";
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

/** The annual report's table: the total first, then one row per unit. */
export function annualExportTable(
  report: {
    year: number;
    units: ReadonlyArray<{ unit: UnitRef; difference: AnnualFigures } & AnnualFigures>;
    difference: AnnualFigures;
  } & AnnualFigures,
  totalLabel: string,
): ExportTable {
  const cells = (
    name: string,
    code: string | null,
    f: AnnualFigures,
    diff: AnnualFigures,
  ): Cell[] => [
    name,
    code,
    `${report.year}-12-31`,
    f.headcount,
    f.reached,
    f.completed,
    f.reachedInYear,
    f.deepened,
    percent(f.reached, f.headcount),
    diff.reached,
  ];
  return {
    header: [
      "Enhet",
      "Enhetskod",
      "Per datum",
      "Anställda",
      "Påbörjat eller genomfört",
      "Genomfört",
      "Nådda under året",
      "Fördjupade utbildningar (personer)",
      "Andel nådda (%)",
      `Förändring nådda mot ${report.year - 1}`,
    ],
    rows: [
      cells(totalLabel, null, report, report.difference),
      ...report.units.map((r) => cells(r.unit.name, r.unit.code, r, r.difference)),
    ],
  };
}
