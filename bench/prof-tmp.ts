import { readFileSync } from "node:fs";
import * as XLSX from "xlsx";
import { readSheet } from "../imports/read";
import { worksheetCellCounter } from "../imports/read/cell-cap";
import { checkZipExpansion } from "../imports/read/zip-guard";
import { parseStaffRows } from "../imports/staff-rows";
import { toTable } from "../imports/table";

const bytes = new Uint8Array(readFileSync("/tmp/city-files/staff.xlsx"));
const t = (label: string, fn: () => unknown) => {
  const t0 = performance.now();
  const v = fn();
  console.log(label, (performance.now() - t0).toFixed(0));
  return v;
};
t("zipguard", () => checkZipExpansion(bytes, 256e6));
t("zipguard+count", () =>
  checkZipExpansion(bytes, 256e6, (n) =>
    n.startsWith("xl/worksheets/") ? worksheetCellCounter(3e6) : null,
  ),
);
t("xlsx.read", () => XLSX.read(bytes, { type: "array", dense: true }));
const wb = XLSX.read(bytes, { type: "array", dense: true });
t("sheet_to_json", () => XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]!]!, { header: 1 }));
const sheet = t("readSheet", () => readSheet(bytes, "p.xlsx")) as ReturnType<typeof readSheet>;
const table = t("toTable", () => toTable(sheet, "personalförteckning")) as ReturnType<
  typeof toTable
>;
t("parseStaffRows", () => parseStaffRows(table));
