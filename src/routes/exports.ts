/**
 * Exports of the coverage table, a unit's staff list and the annual report, as .xlsx or CSV.
 * Same scope checks and figures as the pages; every export is audited, and every .xlsx says
 * on its "Om rapporten" sheet what it covers.
 */

import { zValidator } from "@hono/zod-validator";
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
import type { AppEnv, SignedInEnv } from "../env";
import { computeAnnualReport, getLockedReport } from "../services/annual-report";
import { audit } from "../services/audit";
import { mandatoryCourseTitle } from "../services/courses";
import { getCoverage } from "../services/coverage";
import { logAccess } from "../services/privacy/access-log";
import { attachment, CONTENT_TYPES, type ExportFormat, exportBody } from "../services/spreadsheet";
import { getStaffStatus } from "../services/staff-list";
import { courseFrom, coursePart, coverageQuery } from "./course-param";
import { idParam, NO_SUCH_REPORT, NO_SUCH_UNIT, validParam, yearParam } from "./params";
import { asOfFrom, reportQuery, scopedUnit } from "./report-params";

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

type AboutExport = Pick<ExportAbout, "kind" | "title" | "selection" | "asOf" | "lock" | "notes">;

/** Audits the export and sends the table as a download. */
async function send(
  c: Context<SignedInEnv>,
  table: ExportTable,
  out: {
    format: ExportFormat;
    fileName: string;
    sheetName: string;
    about: AboutExport;
    /** The selected course's title; default the mandatory course. */
    courseTitle?: string;
  },
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
    course: out.courseTitle ?? (await mandatoryCourseTitle(c.get("db"))),
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
    .get(`/tackning/export.${format}`, can, zValidator("query", coverageQuery), async (c) => {
      const query = c.req.valid("query");
      const unit = await scopedUnit(c, query.enhet);
      const { asOf } = asOfFrom(c, query.datum);
      const { course } = await courseFrom(c, query.kurs);
      const result = await getCoverage(c.get("db"), c.get("scope"), {
        asOf,
        unit,
        courseId: course.id,
      });
      const coursePrefix = coursePart(course) ? `${course.id}-` : "";
      const fileName = `tackning-${coursePrefix}${unit ? slug(unit.code ?? unit.name) : "alla"}-${asOf}.${format}`;
      const about = {
        kind: "coverage" as const,
        title: "Täckning per enhet",
        selection: selectionOf(c, unit),
        asOf,
      };
      return send(
        c,
        coverageExportTable(result, asOf, totalLabel(unit), result.targetGroupApplies),
        { format, fileName, sheetName: "Täckning", about, courseTitle: course.title },
        { kind: "coverage", unit: unit?.code ?? null, asOf, course: course.id },
      );
    })
    .get(
      `/tackning/enhet/:id/export.${format}`,
      can,
      validParam(idParam, NO_SUCH_UNIT),
      zValidator("query", coverageQuery),
      async (c) => {
        const unit = (await scopedUnit(c, c.req.valid("param").id))!;
        const { asOf } = asOfFrom(c, c.req.valid("query").datum);
        const { course } = await courseFrom(c, c.req.valid("query").kurs);
        const rows = await getStaffStatus(c.get("db"), c.get("scope"), {
          unit,
          asOf,
          courseId: course.id,
        });
        const entry = { kind: "staff_export", unitId: unit.id, asOf, count: rows.length } as const;
        await logAccess(
          c.get("db"),
          { ...entry, userId: c.get("user").id, detail: format, ip: c.get("clientIp") },
          c.get("now")(),
        );
        const fileName = `personal-${slug(unit.code ?? unit.name)}-${asOf}.${format}`;
        const about = {
          kind: "staff" as const,
          title: "Personal och utbildningsstatus",
          selection: selectionOf(c, unit),
          asOf,
        };
        return send(
          c,
          staffExportTable(rows, asOf),
          { format, fileName, sheetName: "Personal", about, courseTitle: course.title },
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
          notes: report.deepenedCourses.map((d): [string, string] => [d.title, d.sentence]),
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
