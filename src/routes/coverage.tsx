/**
 * Coverage pages: /tackning (unit + date selectors, per-unit table, charts) and
 * /tackning/enhet/:id (a unit's staff with status), /person/:id (one person's posts and courses). GET forms work without JS; htmx swaps
 * only the result part and pushes the URL.
 */
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { CoveragePage, CoverageResultView } from "../../views/pages/coverage";
import { PersonPage } from "../../views/pages/person";
import { StaffListPage, StaffListResult } from "../../views/pages/staff-list";
import { CAN, requireRole } from "../auth/roles";
import { formatSwedishDate } from "../domain/dates";
import type { AppEnv } from "../env";
import { getCoverageWithTrend } from "../services/coverage-page";
import { getPersonRequirements } from "../services/coverage-person";
import { getPersonWithPosts } from "../services/person-posts";
import { logAccess } from "../services/privacy/access-log";
import { getStaffPage } from "../services/staff-list";
import { unitsInScope } from "../services/units";
import { courseFrom, coursePart, validCoverageQuery } from "./course-param";
import { badQuery, idParam, NO_SUCH_UNIT, validParam } from "./params";
import { isFragment, page } from "./render";
import { asOfFrom, reportQuery, scopedUnit } from "./report-params";
import { staffAccessDetail, staffQueryOf, validStaffQuery } from "./staff-params";

export const coverageRoutes = new Hono<AppEnv>()
  .get("/tackning", requireRole(...CAN.viewReports), validCoverageQuery, async (c) => {
    const q = c.req.valid("query");
    const db = c.get("db");
    const scope = c.get("scope");
    const unit = await scopedUnit(c, q.enhet);
    const { asOf, notice } = asOfFrom(c, q.datum);
    const { course, courses, notice: courseNotice } = await courseFrom(c, q.kurs);
    const [{ result, trend, deepened }, units] = await Promise.all([
      getCoverageWithTrend(db, scope, { asOf, unit, courseId: course.id }),
      isFragment(c) ? Promise.resolve([]) : unitsInScope(db, scope),
    ]);
    const view = {
      result,
      trend,
      deepened,
      units,
      courses,
      coursePart: coursePart(course),
      courseTitle: course.title,
      asOfLabel: formatSwedishDate(asOf),
      notice: [notice, courseNotice].filter(Boolean).join(" ") || null,
    };
    c.header("Vary", "HX-Request");
    const title = unit ? `Täckning: ${unit.name}` : "Täckning";
    return page(
      c,
      title,
      isFragment(c) ? <CoverageResultView {...view} /> : <CoveragePage {...view} />,
    );
  })
  .get(
    "/tackning/enhet/:id",
    requireRole(...CAN.viewReports),
    validParam(idParam, NO_SUCH_UNIT),
    validStaffQuery,
    async (c) => {
      const db = c.get("db");
      const unit = (await scopedUnit(c, c.req.valid("param").id))!;
      const params = c.req.valid("query");
      const { asOf, notice } = asOfFrom(c, params.datum);
      const { course, notice: courseNotice } = await courseFrom(c, params.kurs);
      const asked = staffQueryOf(params);
      const { result, requirements } = await getStaffPage(db, c.get("scope"), {
        unit,
        asOf,
        courseId: course.id,
        query: asked,
      });
      await logAccess(
        c.get("db"),
        {
          userId: c.get("user").id,
          kind: "staff_list",
          unitId: unit.id,
          asOf,
          count: result.rows.length,
          detail: staffAccessDetail(asked, result),
          ip: c.get("clientIp"),
        },
        c.get("now")(),
      );
      const view = {
        unit,
        asOf,
        asOfLabel: formatSwedishDate(asOf),
        courseTitle: course.title,
        query: { ...asked, page: result.page },
        result,
        notice: [notice, courseNotice].filter(Boolean).join(" ") || null,
        coursePart: coursePart(course),
        requirements,
      };
      c.header("Vary", "HX-Request");
      return page(
        c,
        `Personal: ${unit.name}`,
        isFragment(c) ? <StaffListResult {...view} /> : <StaffListPage {...view} />,
      );
    },
  )
  .get(
    "/person/:id{[0-9]{1,9}}",
    requireRole(...CAN.viewReports),
    zValidator("query", reportQuery, badQuery),
    async (c) => {
      const { asOf, notice } = asOfFrom(c, c.req.valid("query").datum);
      const person = await getPersonWithPosts(
        c.get("db"),
        c.get("scope"),
        Number(c.req.param("id")),
        asOf,
      );
      // Someone outside the scope answers like someone who does not exist.
      if (!person)
        throw new HTTPException(404, {
          message: "Personen finns inte eller ingår inte i det du får se.",
        });
      const requirements = await getPersonRequirements(c.get("db"), person.id, asOf);
      return page(
        c,
        person.name,
        <>
          {notice ? <p class="notice error">{notice}</p> : null}
          <PersonPage
            person={person}
            asOf={asOf}
            asOfLabel={formatSwedishDate(asOf)}
            requirements={requirements}
          />
        </>,
      );
    },
  );
