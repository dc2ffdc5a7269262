/**
 * Exports of the coverage table and of a unit's staff list, as .xlsx or CSV. Same scope
 * checks and figures as the pages; every export is audited.
 */
import { type Context, Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { CAN, requireRole } from "../auth/roles";
import type { UnitRef } from "../domain/coverage";
import type { ExportAbout } from "../domain/export-about";
import {
  annualExportTable,
  coverageExportTable,
  type ExportTable,
  staffExportTable,
} from "../domain/export-tables";
import type { AppEnv } from "../env";
import { computeAnnualReport, getLockedReport } from "../services/annual-report";
import { audit } from "../services/audit";
import { getCoverage } from "../services/coverage";
import { logAccess } from "../services/privacy/access-log";
import { attachment, CONTENT_TYPES, type ExportFormat, exportBody } from "../services/spreadsheet";
import { getStaffStatus } from "../services/staff-list";
import { asOfFrom, mandatoryCourseTitle, scopedUnit } from "./report-params";

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9åäö]+/g, "-")
    .replace(/^-|-$/g, "");
}

const totalLabel = (unit: UnitRef | null) => (unit ? `${unit.name} totalt` : "Totalt");

/** What the export covers, for "Om rapporten". */
function selectionOf(c: Context<AppEnv>, unit: UnitRef | null): string {
  if (unit) return `${unit.name}${unit.code ? ` (${unit.code})` : ""} med underenheter`;
  return c.get("scope").kind === "all" ? "Hela förvaltningen" : "Dina enheter";
}

async function coverageExport(c: Context<AppEnv>, format: ExportFormat) {
  const unit = await scopedUnit(c, c.req.query("enhet"));
  const { asOf } = asOfFrom(c, c.req.query("datum"));
  const result = await getCoverage(c.get("db"), c.get("scope"), { asOf, unit });
  const table = coverageExportTable(result, asOf, totalLabel(unit));
  const name = `tackning-${unit ? slug(unit.code ?? unit.name) : "alla"}-${asOf}.${format}`;
  const about = {
    kind: "coverage" as const,
    title: "Täckning per enhet",
    selection: selectionOf(c, unit),
    asOf,
  };
  return send(c, table, format, name, "Täckning", about, {
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
  const about = {
    kind: "staff" as const,
    title: "Personal och utbildningsstatus",
    selection: selectionOf(c, unit),
    asOf,
  };
  return send(c, table, format, name, "Personal", about, {
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
  about: Pick<ExportAbout, "kind" | "title" | "selection" | "asOf" | "lock">,
  detail: Record<string, unknown>,
) {
  const user = c.get("user")!;
  await audit(c.get("db"), {
    userId: user.id,
    action: "export",
    target: fileName,
    detail: { ...detail, format, rows: table.rows.length },
    ip: c.get("clientIp"),
  });
  c.header("Content-Type", CONTENT_TYPES[format]);
  c.header("Content-Disposition", attachment(fileName));
  c.header("Cache-Control", "private, no-store");
  const body = exportBody(table, format, sheetName, {
    ...about,
    course: await mandatoryCourseTitle(c),
    exportedAt: c.get("now")(),
    exportedBy: `${user.name} (${user.email})`,
  });
  return c.body(typeof body === "string" ? body : (body as Uint8Array<ArrayBuffer>));
}

async function annualExport(c: Context<AppEnv>, format: ExportFormat) {
  const raw = c.req.param("year") ?? "";
  if (!/^\d{4}$/.test(raw))
    throw new HTTPException(404, { message: "Det finns ingen årsrapport för det året." });
  const year = Number(raw);
  const unit = await scopedUnit(c, c.req.query("enhet"));
  const scope = c.get("scope");
  // The lock is about the organisation's figure: only the all-units export states it.
  const wholeOrganisation = scope.kind === "all" && unit === null;
  const [report, locked] = await Promise.all([
    computeAnnualReport(c.get("db"), scope, { year, unit }),
    wholeOrganisation ? getLockedReport(c.get("db"), year) : Promise.resolve(null),
  ]);
  const table = annualExportTable({ ...report, unit }, totalLabel(unit));
  const name = `arsrapport-${year}${unit ? `-${slug(unit.code ?? unit.name)}` : ""}.${format}`;
  const about = {
    kind: "annual" as const,
    title: `Årsrapport ${year}`,
    selection: selectionOf(c, unit),
    asOf: report.asOf,
    lock: wholeOrganisation ? locked && { locked, current: report } : undefined,
  };
  return send(c, table, format, name, `Årsrapport ${year}`, about, {
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
