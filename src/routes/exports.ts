/**
 * Exports of the coverage table and of a unit's staff list, as .xlsx or CSV. Same scope
 * checks and figures as the pages; every export is audited.
 */

import { zValidator } from "@hono/zod-validator";
import { type Context, Hono } from "hono";
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
import { attachment, CONTENT_TYPES, type ExportFormat, exportBody } from "../services/spreadsheet";
import { getStaffStatus } from "../services/staff-list";
import { idParam, NO_SUCH_REPORT, NO_SUCH_UNIT, validParam, yearParam } from "./params";
import { asOfFrom, reportQuery, scopedUnit } from "./report-params";

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9åäö]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Audits the export and sends the table as a download. */
async function send(
  c: Context<AppEnv>,
  table: ExportTable,
  out: { format: ExportFormat; fileName: string; sheetName: string },
  detail: Record<string, unknown>,
) {
  await audit(c.get("db"), {
    userId: c.get("user")!.id,
    action: "export",
    target: out.fileName,
    detail: { ...detail, format: out.format, rows: table.rows.length },
    ip: c.get("clientIp"),
  });
  c.header("Content-Type", CONTENT_TYPES[out.format]);
  c.header("Content-Disposition", attachment(out.fileName));
  c.header("Cache-Control", "private, no-store");
  const body = exportBody(table, out.format, out.sheetName);
  return c.body(typeof body === "string" ? body : (body as Uint8Array<ArrayBuffer>));
}

const can = requireRole(...CAN.viewReports);
const FORMATS: readonly ExportFormat[] = ["xlsx", "csv"];

export const exportRoutes = new Hono<AppEnv>();

for (const format of FORMATS) {
  exportRoutes
    .get(`/tackning/export.${format}`, can, zValidator("query", reportQuery), async (c) => {
      const query = c.req.valid("query");
      const unit = await scopedUnit(c, query.enhet);
      const { asOf } = asOfFrom(c, query.datum);
      const result = await getCoverage(c.get("db"), c.get("scope"), { asOf, unit });
      const fileName = `tackning-${unit ? slug(unit.code ?? unit.name) : "alla"}-${asOf}.${format}`;
      return send(
        c,
        coverageExportTable(result.children, asOf),
        { format, fileName, sheetName: "Täckning" },
        { kind: "coverage", unit: unit?.code ?? null, asOf },
      );
    })
    .get(
      `/tackning/enhet/:id/export.${format}`,
      can,
      validParam(idParam, NO_SUCH_UNIT),
      zValidator("query", reportQuery),
      async (c) => {
        const unit = (await scopedUnit(c, c.req.valid("param").id))!;
        const { asOf } = asOfFrom(c, c.req.valid("query").datum);
        const rows = await getStaffStatus(c.get("db"), c.get("scope"), { unit, asOf });
        const fileName = `personal-${slug(unit.code ?? unit.name)}-${asOf}.${format}`;
        return send(
          c,
          staffExportTable(rows, asOf),
          { format, fileName, sheetName: "Personal" },
          { kind: "staff", unit: unit.code ?? unit.name, asOf },
        );
      },
    )
    .get(
      `/rapport/:year/export.${format}`,
      can,
      validParam(yearParam, NO_SUCH_REPORT),
      zValidator("query", reportQuery),
      async (c) => {
        const { year } = c.req.valid("param");
        const unit = await scopedUnit(c, c.req.valid("query").enhet);
        const report = await computeAnnualReport(c.get("db"), c.get("scope"), { year, unit });
        const fileName = `arsrapport-${year}${unit ? `-${slug(unit.code ?? unit.name)}` : ""}.${format}`;
        return send(
          c,
          annualExportTable(report, unit ? `${unit.name} totalt` : "Totalt"),
          { format, fileName, sheetName: `Årsrapport ${year}` },
          { kind: "annual", year, unit: unit?.code ?? null },
        );
      },
    );
}
