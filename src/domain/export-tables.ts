/**
 * The exported tables: Swedish column headers, what each column holds, and one row of cells
 * per unit or person.
 *
 * Identifiers (Anställningsnummer, Enhetskod) are text on purpose, never numbers: "007" and
 * "FSK01" must survive as written, and a long number must not turn into 1,2E+11 or lose
 * digits. Do not "fix" them into number cells.
 */
import type { AnnualFigures } from "./annual";
import { type CoverageFigures, percent, type UnitRef } from "./coverage";
import type { Cell } from "./export-cells";
import { STATUS_LABEL, type StaffStatus } from "./staff-status";

/**
 * How a column is written to .xlsx: `text` and `id` as string cells (ids with the text
 * format, so a typed-in number stays text too), `date` as a date cell (yyyy-mm-dd), `count`
 * as a whole number, `percent` as a number with one decimal.
 */
export type ColumnKind = "text" | "id" | "date" | "count" | "percent";

export interface ExportTable {
  header: string[];
  kinds: ColumnKind[];
  rows: Cell[][];
  /**
   * Label/value lines after the table, for a CSV (which has no "Om rapporten" sheet): the
   * annual report's as-of date, sentence and lock travel with the file.
   */
  notes?: Cell[][];
}

type FiguresRow = { unit: UnitRef } & CoverageFigures;
type TargetFigures = { overdue: number; exempt: number };

/**
 * A report's rows: the total first, then one row per child unit. A unit without sub-units
 * (an enhet) lists itself, so its export is never header-only. The total row carries the
 * unit's code when the report is about one unit.
 */
function totalThenUnits<R extends { unit: UnitRef }>(
  report: { unit: UnitRef | null; children: readonly R[]; self: R | null },
  total: (label: string, code: string | null) => Cell[],
  row: (r: R) => Cell[],
  totalLabel = "Totalt",
): Cell[][] {
  const children = report.children.length > 0 ? report.children : report.self ? [report.self] : [];
  return [total(totalLabel, report.unit?.code ?? null), ...children.map(row)];
}

export function coverageExportTable(
  result: CoverageFigures & {
    unit: UnitRef | null;
    children: ReadonlyArray<FiguresRow & Partial<TargetFigures>>;
  } & Partial<TargetFigures>,
  asOf: string,
  totalLabel = "Totalt",
  /** A course with a target group: headcount is the group, plus Försenade and Undantagna. */
  targetColumns = false,
): ExportTable {
  const cells = (
    name: string,
    code: string | null,
    f: CoverageFigures & Partial<TargetFigures>,
  ): Cell[] => [
    name,
    code,
    asOf,
    f.headcount,
    f.reached,
    f.completed,
    f.notStarted,
    f.percentReached,
    ...(targetColumns ? [f.overdue ?? 0, f.exempt ?? 0] : []),
  ];
  const self = result.unit ? { ...result, unit: result.unit } : null;
  return {
    header: [
      "Enhet",
      "Enhetskod",
      "Per datum",
      targetColumns ? "I målgruppen" : "Anställda",
      "Påbörjat eller genomfört",
      "Genomfört",
      "Ej påbörjat",
      "Andel nådda (%)",
      ...(targetColumns ? ["Försenade", "Undantagna"] : []),
    ],
    kinds: [
      "text",
      "id",
      "date",
      "count",
      "count",
      "count",
      "count",
      "percent",
      ...(targetColumns ? (["count", "count"] as const) : []),
    ],
    rows: totalThenUnits(
      { unit: result.unit, children: result.children, self },
      (label, code) => cells(label, code, result),
      (r) => cells(r.unit.name, r.unit.code, r),
      totalLabel,
    ),
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
    kinds: ["text", "id", "text", "text", "text", "text", "date", "date", "date"],
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

type AnnualRow = { unit: UnitRef; difference: AnnualFigures } & AnnualFigures;

/** The annual report's table: the total first, then one row per unit. */
export function annualExportTable(
  report: {
    year: number;
    unit?: UnitRef | null;
    units: readonly AnnualRow[];
    difference: AnnualFigures;
  } & AnnualFigures,
  totalLabel: string,
): ExportTable {
  const cells = (name: string, code: string | null, f: AnnualFigures, diff: AnnualFigures) => [
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
  const unit = report.unit ?? null;
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
    kinds: ["text", "id", "date", "count", "count", "count", "count", "count", "percent", "count"],
    rows: totalThenUnits(
      { unit, children: report.units, self: unit ? { ...report, unit } : null },
      (label, code) => cells(label, code, report, report.difference),
      (r) => cells(r.unit.name, r.unit.code, r, r.difference),
      totalLabel,
    ),
  };
}

/** What an annual export says about itself besides the table. */
export interface AnnualExportNotes {
  asOf: string;
  sentence: string;
  /** "Låst 2026-01-15 av Lena Ledning", or null when the year is not locked. */
  lock: string | null;
  /** Today's computation when it differs from the locked figures. */
  recomputed: string | null;
  preliminary: boolean;
}

export function annualNotes(n: AnnualExportNotes): Cell[][] {
  const rows: Cell[][] = [
    ["Per datum", n.preliminary ? `${n.asOf} (preliminärt, året pågår)` : n.asOf],
    ["Mening", n.sentence],
    ["Låst", n.lock ? `${n.lock}. Siffrorna ovan är de låsta.` : "Nej, årsrapporten är inte låst."],
  ];
  if (n.recomputed) rows.push(["Beräknat nu", n.recomputed]);
  return rows;
}
