/**
 * Exports of the coverage table, a unit's staff list and the annual report, as .xlsx or CSV.
 * Same scope checks and figures as the pages; every export is audited, and every .xlsx says
 * on its "Om rapporten" sheet what it covers.
 */

import { type Context, Hono } from "hono";
import { CAN, requireRole } from "../auth/roles";
import { sameFigures } from "../domain/annual";
import { lockLine } from "../domain/annual-lock";
import type { UnitRef } from "../domain/coverage";
import { stockholmDate } from "../domain/dates";
import type { ExportAbout } from "../domain/export-about";
import {
  annualExportTable,
  annualNotes,
  coverageExportTable,
  type ExportTable,
  staffExportTable,
} from "../domain/export-tables";
import { describeStaffFilter } from "../domain/staff-query";
import { UserError } from "../domain/user-error";
import type { AppEnv, SignedInEnv } from "../env";
import { shownAnnualReport } from "../services/annual-report-view";
import { audit } from "../services/audit";
import { mandatoryCourseTitle } from "../services/courses";
import { getCoverage } from "../services/coverage";
import { logAccess } from "../services/privacy/access-log";
import { attachment, CONTENT_TYPES, type ExportFormat, exportBody } from "../services/spreadsheet";
import { getStaffSelection } from "../services/staff-list";
import { courseFrom, coursePart, validCoverageQuery } from "./course-param";
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
    .get(`/tackning/export.${format}`, can, validCoverageQuery, async (c) => {
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
      validStaffQuery,
      async (c) => {
        const unit = (await scopedUnit(c, c.req.valid("param").id))!;
        const params = c.req.valid("query");
        const { asOf } = asOfFrom(c, params.datum);
        const { course } = await courseFrom(c, params.kurs);
        // The export follows the list's filter and order (not its page): what the user sees.
        const query = staffQueryOf(params);
        const rows = await getStaffSelection(c.get("db"), c.get("scope"), {
          unit,
          asOf,
          courseId: course.id,
          query,
        });
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
          { format, fileName, sheetName: "Personal", about, courseTitle: course.title },
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
        const today = stockholmDate(c.get("now")());
        const shown = await shownAnnualReport(c.get("db"), scope, { year, unit, today });
        if (shown.state === "not_begun")
          throw new UserError(`Året ${year} har inte börjat än; det finns ingen årsrapport.`, 404);
        const { report, fresh, locked } = shown;
        const lock = shown.showsLock && locked ? { ...locked, sentence: report.sentence } : null;
        const fileName = `arsrapport-${year}${unit ? `-${slug(unit.code ?? unit.name)}` : ""}.${format}`;
        const about = {
          kind: "annual" as const,
          title: `Årsrapport ${year}${shown.state === "in_progress" ? " (preliminär)" : ""}`,
          selection: selectionOf(c, unit),
          asOf: report.asOf,
          // Every locked view states its lock; an unlocked year says so on the whole report.
          lock: lock
            ? { locked: { ...lock, figures: report }, current: fresh }
            : scope.kind === "all" && unit === null
              ? null
              : undefined,
          // Target groups are not part of a lock: the deepened-course sentences count today's data.
          notes: fresh.deepenedCourses.map((d): [string, string] => [d.title, d.sentence]),
        };
        const table = annualExportTable({ ...report, unit }, totalLabel(unit));
        table.notes = annualNotes({
          asOf: report.asOf,
          sentence: report.sentence,
          lock: lock ? lockLine(lock) : null,
          recomputed: lock && !sameFigures(report, fresh) ? fresh.sentence : null,
          preliminary: shown.state === "in_progress",
        });
        return send(
          c,
          table,
          { format, fileName, sheetName: `Årsrapport ${year}`, about },
          { kind: "annual", year, unit: unit?.code ?? null },
        );
      },
    );
}
