/**
 * Rows of an action-plan table (handlingsplan, copied from Word into Excel or saved as CSV):
 * Område, Åtgärd/Aktivitet, Ansvarig, Övriga aktörer, Tidplan and the follow-up status with
 * its comment. Pure: a Table in, rows and row errors out.
 */
import { AREA_HINT, type PlanArea, planAreaOf } from "../src/domain/plan-areas";
import { activityKey } from "../src/domain/plan-carry";
import { type PlanStatus, parseStatusCell, STATUS_HINT } from "../src/domain/plan-status";
import { parseDate } from "./dates";
import { ImportFileError, type Sheet } from "./read/types";
import { numberText, type RowError, RowReader, type Table } from "./table";

export interface PlanRow {
  row: number;
  area: PlanArea;
  activity: string;
  responsible: string | null;
  otherActors: string | null;
  timeline: string | null;
  status: PlanStatus;
  comment: string | null;
  /** Order in the file (0, 1, 2 …). */
  position: number;
}

export interface ParsedPlanRows {
  rows: PlanRow[];
  errors: RowError[];
  /** Data rows read (empty rows not counted). */
  total: number;
}

/** Excel serials between 1954 and 2119: a date typed into the Tidplan cell. */
const SERIAL_DATES = { min: 20_000, max: 80_000 };

function timelineText(r: RowReader, table: Table): string | null {
  const v = r.cell("timeline");
  if (typeof v === "number") {
    if (Number.isInteger(v) && v >= SERIAL_DATES.min && v <= SERIAL_DATES.max) {
      return parseDate(v, { date1904: table.date1904, slashOrder: "dmy" }) ?? numberText(v);
    }
    return numberText(v); // 2019 typed as a number
  }
  return r.text("timeline") || null;
}

/** "Skjuts fram" + "Avvaktar avtal." → "Skjuts fram. Avvaktar avtal." */
function joinComments(first: string, second: string): string {
  if (!first || !second) return first || second;
  return /[.!?:]$/.test(first) ? `${first} ${second}` : `${first}. ${second}`;
}

/**
 * Rows holding only an area name ("Förebyggande" across the whole Word table) head the
 * activities below them. The table drops lone cells as notes, so they are read from the sheet.
 */
function sectionRows(
  sheet: Sheet | undefined,
  headerRow: number,
): Array<{ row: number; area: PlanArea }> {
  if (!sheet) return [];
  return sheet.rows.flatMap((r) => {
    if (r.row <= headerRow) return [];
    const cells = r.cells.filter((c): c is string => typeof c === "string" && c.trim() !== "");
    const area =
      cells.length === 1 && r.cells.filter((c) => c !== null).length === 1
        ? planAreaOf(cells[0]!)
        : null;
    return area ? [{ row: r.row, area }] : [];
  });
}

export function parsePlanRows(table: Table, sheet?: Sheet): ParsedPlanRows {
  for (const [field, label] of [
    ["area", "Område"],
    ["activity", "Åtgärd / Aktivitet"],
  ] as const) {
    if (!table.columns[field]) {
      throw new ImportFileError(
        `Filen saknar kolumnen ${label}. En handlingsplan behöver kolumnerna Område och Aktivitet (gärna även Ansvarig, Övriga aktörer, Tidplan och Status).`,
      );
    }
  }
  const errors: RowError[] = [];
  const rows: PlanRow[] = [];
  const seen = new Map<string, number>();
  let currentArea: PlanArea | null = null;
  let total = 0;
  const sections = sectionRows(sheet, table.headerRow);
  for (const tableRow of table.rows) {
    while (sections.length > 0 && sections[0]!.row < tableRow.row)
      currentArea = sections.shift()!.area;
    const r = new RowReader(table, tableRow, errors);
    const activity = r.text("activity");
    const areaText = r.text("area");
    // Raw text: a line break may separate the status word from its comment.
    const statusCell = r.cell("status");
    const statusText = typeof statusCell === "string" ? statusCell.trim() : r.text("status");
    const anything = tableRow.cells.some((c) => c !== null && String(c).trim() !== "");
    if (!anything) continue;
    total++;
    // Word tables merge the Område cell over its activities: empty means "as above".
    if (areaText) {
      const area = planAreaOf(areaText);
      if (!area) {
        r.fail("area", `'${areaText}' är inget område i handlingsplanen. Använd ${AREA_HINT}.`);
        currentArea = null;
        continue;
      }
      currentArea = area;
    }
    if (!activity) {
      // A row naming only an area is a section heading, not an activity.
      if (areaText && !statusText && !r.text("responsible")) continue;
      r.fail("activity", "aktiviteten saknas.");
      continue;
    }
    if (!currentArea) {
      r.fail("area", "området saknas (och ingen rad ovanför anger det).");
      continue;
    }
    const parsed = statusText
      ? parseStatusCell(statusText)
      : { status: "Planerad" as const, comment: "" };
    if (!parsed) {
      r.fail("status", `'${statusText}' är ingen status vi känner igen. Skriv ${STATUS_HINT}.`);
      continue;
    }
    const key = activityKey(currentArea, activity);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      r.fail("activity", `samma aktivitet som rad ${earlier} i området ${currentArea}.`);
      continue;
    }
    seen.set(key, tableRow.row);
    const comment = joinComments(parsed.comment, r.text("comment"));
    rows.push({
      row: tableRow.row,
      area: currentArea,
      activity,
      responsible: r.text("responsible") || null,
      otherActors: r.text("otherActors") || null,
      timeline: timelineText(r, table),
      status: parsed.status,
      comment: comment || null,
      position: rows.length,
    });
  }
  return { rows, errors, total };
}
