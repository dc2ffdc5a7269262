/**
 * Exports of the coverage table, a unit's staff list and the annual report, as .xlsx or CSV.
 * Same scope checks and figures as the pages; every export is audited, and every .xlsx says
 * on its "Om rapporten" sheet what it covers.
 */

import { type Context, Hono } from "hono";
import { CAN, requireRole } from "../auth/roles";
import type { UnitRef } from "../domain/coverage";
import type { ExportAbout } from "../domain/export-about";
import {
  annualExportTable,
  coverageExportTable,
  type ExportTable,
  staffExportTable,
} from "../domain/export-tables";
import { describeStaffFilter } from "../domain/staff-query";
import type { AppEnv, SignedInEnv } from "../env";
import { computeAnnualReport, getLockedReport } from "../services/annual-report";
import { audit } from "../services/audit";
import { mandatoryCourseTitle } from "../services/courses";
import { getCoverage } from "../services/coverage";
import { logAccess } from "../services/privacy/access-log";
import { attachment, CONTENT_TYPES, type ExportFormat, exportBody } from "../services/spreadsheet";
import { getStaffSelection } from "../services/staff-list";
import { idParam, NO_SUCH_REPORT, NO_SUCH_UNIT, validParam, yearParam } from "./params";
import { asOfFrom, scopedUnit, validReportQuery } from "./report-params";
import { staffQueryOf, validStaffQuery } from "./staff-params";

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9åäö]+/g, "-")
    .replace(/^-|-$/g, "");
}

const totalLabel = (unit: UnitRef | null) => (unit ? `${unit.name} totalt` : "Totalt");

/** What the export covers, for "Om rapporten". */
function selectionOf(c: Context<SignedInEnv>, unit: UnitRef | null): string {
  if (unit) return `${unit.name}${unit.code ? ` (${unit.code})` : ""} med underenheter`;
  return c.get("scope").kind === "all" ? "Hela förvaltningen" : "Dina enheter";
}

type AboutExport = Pick<ExportAbout, "kind" | "title" | "selection" | "asOf" | "lock">;

/** Audits the export and sends the table as a download. */
async function send(
  c: Context<SignedInEnv>,
  table: ExportTable,
  out: { format: ExportFormat; fileName: string; sheetName: string; about: AboutExport },
  detail: Record<string, unknown>,
) {
  const user = c.get("user");
  await audit(c.get("db"), {
    userId: user.id,
    action: "export",
    target: out.fileName,
    detail: { ...detail, format: out.format, rows: table.rows.length },
    ip: c.get("clientIp"),
  });
  c.header("Content-Type", CONTENT_TYPES[out.format]);
  c.header("Content-Disposition", attachment(out.fileName));
  c.header("Cache-Control", "private, no-store");
  const body = exportBody(table, out.format, out.sheetName, {
    ...out.about,
    course: await mandatoryCourseTitle(c.get("db")),
    exportedAt: c.get("now")(),
    exportedBy: `${user.name} (${user.email})`,
  });
  return c.body(typeof body === "string" ? body : (body as Uint8Array<ArrayBuffer>));
}

const can = requireRole(...CAN.viewReports);
const FORMATS: readonly ExportFormat[] = ["xlsx", "csv"];

export const exportRoutes = new Hono<AppEnv>();

for (const format of FORMATS) {
  exportRoutes
    .get(`/tackning/export.${format}`, can, validReportQuery, async (c) => {
      const query = c.req.valid("query");
      const unit = await scopedUnit(c, query.enhet);
      const { asOf } = asOfFrom(c, query.datum);
      const result = await getCoverage(c.get("db"), c.get("scope"), { asOf, unit });
      const fileName = `tackning-${unit ? slug(unit.code ?? unit.name) : "alla"}-${asOf}.${format}`;
      const about = {
        kind: "coverage" as const,
        title: "Täckning per enhet",
        selection: selectionOf(c, unit),
        asOf,
      };
      return send(
        c,
        coverageExportTable(result, asOf, totalLabel(unit)),
        { format, fileName, sheetName: "Täckning", about },
        { kind: "coverage", unit: unit?.code ?? null, asOf },
      );
    })
    .get(
      `/tackning/enhet/:id/export.${format}`,
      can,
      validParam(idParam, NO_SUCH_UNIT),
      validStaffQuery,
      async (c) => {
        const unit = (await scopedUnit(c, c.req.valid("param").id))!;
        const params = c.req.valid("query");
        const { asOf } = asOfFrom(c, params.datum);
        // The export follows the list's filter and order (not its page): what the user sees.
        const query = staffQueryOf(params);
        const rows = await getStaffSelection(c.get("db"), c.get("scope"), { unit, asOf, query });
        const filter = describeStaffFilter(query);
        const entry = { kind: "staff_export", unitId: unit.id, asOf, count: rows.length } as const;
        await logAccess(
          c.get("db"),
          {
            ...entry,
            userId: c.get("user").id,
            detail: filter ? `${format}, ${filter}` : format,
            ip: c.get("clientIp"),
          },
          c.get("now")(),
        );
        const suffix = query.onlyRemaining ? "-ej-paborjat" : query.search.trim() ? "-urval" : "";
        const fileName = `personal-${slug(unit.code ?? unit.name)}-${asOf}${suffix}.${format}`;
        const about = {
          kind: "staff" as const,
          title: "Personal och utbildningsstatus",
          selection: `${selectionOf(c, unit)}${filter ? `; ${filter}` : ""}`,
          asOf,
        };
        return send(
          c,
          staffExportTable(rows, asOf),
          { format, fileName, sheetName: "Personal", about },
          { kind: "staff", unit: unit.code ?? unit.name, asOf, filter },
        );
      },
    )
    .get(
      `/rapport/:year/export.${format}`,
      can,
      validParam(yearParam, NO_SUCH_REPORT),
      validReportQuery,
      async (c) => {
        const { year } = c.req.valid("param");
        const unit = await scopedUnit(c, c.req.valid("query").enhet);
        const scope = c.get("scope");
        // The lock is about the organisation's figure: only the all-units export states it.
        const wholeOrganisation = scope.kind === "all" && unit === null;
        const [report, locked] = await Promise.all([
          computeAnnualReport(c.get("db"), scope, { year, unit }),
          wholeOrganisation ? getLockedReport(c.get("db"), year) : Promise.resolve(null),
        ]);
        const fileName = `arsrapport-${year}${unit ? `-${slug(unit.code ?? unit.name)}` : ""}.${format}`;
        const about = {
          kind: "annual" as const,
          title: `Årsrapport ${year}`,
          selection: selectionOf(c, unit),
          asOf: report.asOf,
          lock: wholeOrganisation ? locked && { locked, current: report } : undefined,
        };
        return send(
          c,
          annualExportTable({ ...report, unit }, totalLabel(unit)),
          { format, fileName, sheetName: `Årsrapport ${year}`, about },
          { kind: "annual", year, unit: unit?.code ?? null },
        );
      },
    );
}
