/**
 * Rows of a kurskrav file, one rule a row: Kurs (id or title), Enhet/Enhetskod, Funktionsnivå,
 * Tagg, Befattning (pattern, `*` = anything), Deadline or Dagar efter anställning; blank = any.
 * Pure: courses and units are looked up when the import is planned.
 */
import type { FunctionLevel } from "../db/schema";
import { parseFunctionLevel } from "../src/domain/function-level";
import { ImportFileError } from "./read/types";
import { type RowError, RowReader, type Table } from "./table";
import { type ColumnLabels, columnLabels, parseDays, splitTags } from "./target-columns";
import { LEVEL_HINT } from "./unit-attribute-rows";

export interface RequirementRow {
  row: number;
  course: string;
  unit: string;
  unitCode: string;
  functionLevel: FunctionLevel | null;
  tag: string | null;
  titlePattern: string | null;
  deadline: string | null;
  daysAfterStart: number | null;
}

export interface RequirementRows {
  labels: ColumnLabels;
  rows: RequirementRow[];
  errors: RowError[];
}

export const REQUIREMENT_EXAMPLE =
  "Kurs, Enhet, Funktionsnivå, Tagg, Befattning, Deadline, Dagar efter anställning";

export function parseRequirementRows(table: Table): RequirementRows {
  if (table.columns.course === undefined) {
    throw new ImportFileError("Filen saknar kolumnen Kurs: varje rad är en regel för en kurs.");
  }
  const errors: RowError[] = [];
  const rows: RequirementRow[] = [];
  for (const tr of table.rows) {
    const before = errors.length;
    const r = new RowReader(table, tr, errors);
    const course = r.text("course");
    const unit = r.text("unit");
    const unitCode = r.text("unitCode");
    const levelText = r.text("functionLevel");
    const tagText = r.text("tags");
    const title = r.text("title");
    const daysText = r.text("daysAfterStart");
    const deadline = r.text("deadline") === "" ? null : r.date("deadline");
    const blank = [unit, unitCode, levelText, tagText, title, daysText].every((v) => v === "");
    if (course === "" && blank && deadline === null) continue;
    if (course === "")
      r.fail("course", "kurs saknas. Skriv kursens namn eller id (t.ex. vbe-fordjupning).");
    const functionLevel = parseFunctionLevel(levelText);
    if (levelText !== "" && functionLevel === null)
      r.fail("functionLevel", `'${levelText}' är ingen funktionsnivå. ${LEVEL_HINT}`);
    const tags = splitTags(tagText);
    if (tags.length > 1)
      r.fail("tags", `en regel har en tagg, här står ${tags.length}. Skriv en rad per tagg.`);
    const daysAfterStart = parseDays(daysText);
    if (daysAfterStart === undefined)
      r.fail("daysAfterStart", `'${daysText}' är inget antal dagar. Skriv ett heltal, t.ex. 90.`);
    if (deadline && daysAfterStart)
      r.fail(
        "daysAfterStart",
        "en regel har antingen en fast deadline eller ett antal dagar efter anställningens start, inte båda.",
      );
    if (title.replace(/\*/g, "").trim() === "" && title !== "")
      r.fail("title", "befattningen består bara av '*'. Lämna tomt för alla befattningar.");
    if (errors.length > before) continue;
    rows.push({
      row: tr.row,
      course,
      unit,
      unitCode,
      functionLevel,
      tag: tags[0] ?? null,
      titlePattern: title === "" ? null : title,
      deadline,
      daysAfterStart: daysAfterStart ?? null,
    });
  }
  return { labels: columnLabels(table), rows, errors };
}
