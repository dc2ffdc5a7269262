/**
 * Rows of an enhetsuppgifter file: Enhet (a unit at any level, by name) or Enhetskod,
 * Funktionsnivå, Taggar. Pure: the units are looked up when the import is planned.
 */
import type { FunctionLevel } from "../db/schema";
import { parseFunctionLevel } from "../src/domain/function-level";
import { ImportFileError } from "./read/types";
import { type RowError, RowReader, type Table } from "./table";
import { type ColumnLabels, columnLabels, splitTags } from "./target-columns";

export interface UnitAttributeRow {
  row: number;
  unit: string;
  unitCode: string;
  /** Only meaningful when the file has the column; null = inherited from above. */
  functionLevel: FunctionLevel | null;
  tags: string[];
}

export interface UnitAttributeRows {
  labels: ColumnLabels;
  /** A column the file lacks leaves that attribute of every unit as it is. */
  hasLevel: boolean;
  hasTags: boolean;
  rows: UnitAttributeRow[];
  errors: RowError[];
}

export const UNIT_ATTRIBUTE_EXAMPLE = "Enhet, Enhetskod, Funktionsnivå, Taggar";

export const LEVEL_HINT =
  "Skriv Förebyggande/upptäckande eller Förhindrande/åtgärdande (första ordet räcker), eller lämna tomt för att ärva enhetens ovanför.";

export function parseUnitAttributeRows(table: Table): UnitAttributeRows {
  const has = (f: keyof Table["columns"]) => table.columns[f] !== undefined;
  if (!has("unit") && !has("unitCode")) {
    throw new ImportFileError(
      "Filen saknar kolumnen Enhet (eller Enhetskod) som säger vilken enhet raden gäller.",
    );
  }
  if (!has("functionLevel") && !has("tags")) {
    throw new ImportFileError(
      "Filen saknar kolumnerna Funktionsnivå och Taggar: det finns inget att ändra.",
    );
  }
  const errors: RowError[] = [];
  const rows: UnitAttributeRow[] = [];
  for (const tr of table.rows) {
    const r = new RowReader(table, tr, errors);
    const unit = r.text("unit");
    const unitCode = r.text("unitCode");
    const levelText = r.text("functionLevel");
    const tagsText = r.text("tags");
    if (unit === "" && unitCode === "" && levelText === "" && tagsText === "") continue;
    if (unit === "" && unitCode === "") {
      r.fail(has("unit") ? "unit" : "unitCode", "enhet saknas. Skriv enhetens namn eller kod.");
      continue;
    }
    const functionLevel = parseFunctionLevel(levelText);
    if (levelText !== "" && functionLevel === null) {
      r.fail("functionLevel", `'${levelText}' är ingen funktionsnivå. ${LEVEL_HINT}`);
      continue;
    }
    rows.push({ row: tr.row, unit, unitCode, functionLevel, tags: splitTags(tagsText) });
  }
  return {
    labels: columnLabels(table),
    hasLevel: has("functionLevel"),
    hasTags: has("tags"),
    rows,
    errors,
  };
}
