/**
 * Exports of the coverage table and of a unit's staff list, as .xlsx or CSV. Same scope
 * checks and figures as the pages; every export is audited.
 */
import { type Context, Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { CAN, requireRole } from "../auth/roles";
import {
  annualExportTable,
  coverageExportTable,
  type ExportTable,
  staffExportTable,
} from "../domain/export-tables";
import type { AppEnv } from "../env";
import { computeAnnualReport } from "../services/annual-report";
import { audit } from "../services/audit";
import { getCoverage } from "../services/coverage";
import { logAccess } from "../services/privacy/access-log";
import { attachment, CONTENT_TYPES, type ExportFormat, exportBody } from "../services/spreadsheet";
import { getStaffStatus } from "../services/staff-list";
import { asOfFrom, scopedUnit } from "./report-params";

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9åäö]+/g, "-")
    .replace(/^-|-$/g, "");
}

async function coverageExport(c: Context<AppEnv>, format: ExportFormat) {
  const unit = await scopedUnit(c, c.req.query("enhet"));
  const { asOf } = asOfFrom(c, c.req.query("datum"));
  const result = await getCoverage(c.get("db"), c.get("scope"), { asOf, unit });
  const table = coverageExportTable(result.children, asOf);
  const name = `tackning-${unit ? slug(unit.code ?? unit.name) : "alla"}-${asOf}.${format}`;
  return send(c, table, format, name, "Täckning", {
    kind: "coverage",
    unit: unit?.code ?? null,
    asOf,
  });
}

async function staffExport(c: Context<AppEnv>, format: ExportFormat) {
  const unit = (await scopedUnit(c, c.req.param("id")))!;
  const { asOf } = asOfFrom(c, c.req.query("datum"));
  const rows = await getStaffStatus(c.get("db"), c.get("scope"), { unit, asOf });
  const entry = { kind: "staff_export", unitId: unit.id, asOf, count: rows.length } as const;
  await logAccess(
    c.get("db"),
    { ...entry, userId: c.get("user")!.id, detail: format, ip: c.get("clientIp") },
    c.get("now")(),
  );
  const table = staffExportTable(rows, asOf);
  const name = `personal-${slug(unit.code ?? unit.name)}-${asOf}.${format}`;
  return send(c, table, format, name, "Personal", {
    kind: "staff",
    unit: unit.code ?? unit.name,
    asOf,
  });
}

async function send(
  c: Context<AppEnv>,
  table: ExportTable,
  format: ExportFormat,
  fileName: string,
  sheetName: string,
  detail: Record<string, unknown>,
) {
  await audit(c.get("db"), {
    userId: c.get("user")!.id,
    action: "export",
    target: fileName,
    detail: { ...detail, format, rows: table.rows.length },
    ip: c.get("clientIp"),
  });
  c.header("Content-Type", CONTENT_TYPES[format]);
  c.header("Content-Disposition", attachment(fileName));
  c.header("Cache-Control", "private, no-store");
  const body = exportBody(table, format, sheetName);
  return c.body(typeof body === "string" ? body : (body as Uint8Array<ArrayBuffer>));
}

async function annualExport(c: Context<AppEnv>, format: ExportFormat) {
  const raw = c.req.param("year") ?? "";
  if (!/^\d{4}$/.test(raw))
    throw new HTTPException(404, { message: "Det finns ingen årsrapport för det året." });
  const year = Number(raw);
  const unit = await scopedUnit(c, c.req.query("enhet"));
  const report = await computeAnnualReport(c.get("db"), c.get("scope"), { year, unit });
  const table = annualExportTable(report, unit ? `${unit.name} totalt` : "Totalt");
  const name = `arsrapport-${year}${unit ? `-${slug(unit.code ?? unit.name)}` : ""}.${format}`;
  return send(c, table, format, name, `Årsrapport ${year}`, {
    kind: "annual",
    year,
    unit: unit?.code ?? null,
  });
}

const can = requireRole(...CAN.viewReports);

export const exportRoutes = new Hono<AppEnv>()
  .get("/tackning/export.xlsx", can, (c) => coverageExport(c, "xlsx"))
  .get("/tackning/export.csv", can, (c) => coverageExport(c, "csv"))
  .get("/tackning/enhet/:id/export.xlsx", can, (c) => staffExport(c, "xlsx"))
  .get("/tackning/enhet/:id/export.csv", can, (c) => staffExport(c, "csv"))
  .get("/rapport/:year/export.xlsx", can, (c) => annualExport(c, "xlsx"))
  .get("/rapport/:year/export.csv", can, (c) => annualExport(c, "csv"));
