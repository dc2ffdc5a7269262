/**
 * Coverage pages: /tackning (unit + date selectors, per-unit table, charts) and
 * /tackning/enhet/:id (a unit's staff with status). GET forms work without JS; htmx swaps
 * only the result part and pushes the URL.
 */
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { CoveragePage, CoverageResultView } from "../../views/pages/coverage";
import { StaffListPage, StaffListResult } from "../../views/pages/staff-list";
import { CAN, requireRole } from "../auth/roles";
import { formatSwedishDate } from "../domain/dates";
import type { AppEnv } from "../env";
import { unitsInScope } from "../services/coverage";
import { getCoverageWithTrend } from "../services/coverage-page";
import { logAccess } from "../services/privacy/access-log";
import { getStaffStatus } from "../services/staff-list";
import { page } from "./render";
import {
  asOfFrom,
  mandatoryCourseTitle,
  reportQuery,
  scopedUnit,
  wantsFragment,
} from "./report-params";

export const coverageRoutes = new Hono<AppEnv>()
  .get(
    "/tackning",
    requireRole(...CAN.viewReports),
    zValidator("query", reportQuery),
    async (c) => {
      const q = c.req.valid("query");
      const db = c.get("db");
      const scope = c.get("scope");
      const unit = await scopedUnit(c, q.enhet);
      const { asOf, notice } = asOfFrom(c, q.datum);
      const [{ result, trend, deepened }, courseTitle, units] = await Promise.all([
        getCoverageWithTrend(db, scope, { asOf, unit }),
        mandatoryCourseTitle(c),
        wantsFragment(c) ? Promise.resolve([]) : unitsInScope(db, scope),
      ]);
      const view = {
        result,
        trend,
        deepened,
        units,
        courseTitle,
        asOfLabel: formatSwedishDate(asOf),
        notice,
      };
      c.header("Vary", "HX-Request");
      const title = unit ? `Täckning: ${unit.name}` : "Täckning";
      return page(
        c,
        title,
        wantsFragment(c) ? <CoverageResultView {...view} /> : <CoveragePage {...view} />,
      );
    },
  )
  .get(
    "/tackning/enhet/:id",
    requireRole(...CAN.viewReports),
    zValidator("query", reportQuery),
    async (c) => {
      const unit = (await scopedUnit(c, c.req.param("id")))!;
      const { asOf, notice } = asOfFrom(c, c.req.valid("query").datum);
      const [rows, courseTitle] = await Promise.all([
        getStaffStatus(c.get("db"), c.get("scope"), { unit, asOf }),
        mandatoryCourseTitle(c),
      ]);
      await logAccess(
        c.get("db"),
        {
          userId: c.get("user")!.id,
          kind: "staff_list",
          unitId: unit.id,
          asOf,
          count: rows.length,
          ip: c.get("clientIp"),
        },
        c.get("now")(),
      );
      const view = {
        unit,
        asOf,
        asOfLabel: formatSwedishDate(asOf),
        courseTitle,
        rows,
        notice,
        onlyRemaining: c.req.query("visa") === "kvar",
      };
      c.header("Vary", "HX-Request");
      return page(
        c,
        `Personal: ${unit.name}`,
        wantsFragment(c) ? <StaffListResult {...view} /> : <StaffListPage {...view} />,
      );
    },
  );
