import { Hono } from "hono";
import { ChefHomePage } from "../../views/pages/chef-home";
import { HomePage } from "../../views/pages/home";
import { CAN, requireRole } from "../auth/roles";
import { formatSwedishDate, stockholmDate } from "../domain/dates";
import type { AppEnv } from "../env";
import { getChefStart } from "../services/chef-start";
import { mandatoryCourseTitle } from "../services/courses";
import { getCoverage } from "../services/coverage";
import { logAccess } from "../services/privacy/access-log";
import { page } from "./render";

export const homeRoutes = new Hono<AppEnv>().get(
  "/",
  requireRole(...CAN.viewReports),
  async (c) => {
    const db = c.get("db");
    const scope = c.get("scope");
    const asOf = stockholmDate(c.get("now")());
    const asOfLabel = formatSwedishDate(asOf);
    // A chef (a user limited to some units) comes for who still has to take the course.
    if (scope.kind === "units") {
      const [start, courseTitle] = await Promise.all([
        getChefStart(db, scope, asOf),
        mandatoryCourseTitle(db),
      ]);
      for (const u of start.units) {
        await logAccess(
          db,
          {
            userId: c.get("user").id,
            kind: "staff_list",
            unitId: u.unit.id,
            asOf,
            count: u.remaining.length,
            detail: "startsidan: de som inte påbörjat",
            ip: c.get("clientIp"),
          },
          c.get("now")(),
        );
      }
      return page(
        c,
        "Start",
        <ChefHomePage {...start} courseTitle={courseTitle} asOf={asOf} asOfLabel={asOfLabel} />,
      );
    }
    const [coverage, courseTitle] = await Promise.all([
      getCoverage(db, scope, { asOf }),
      mandatoryCourseTitle(db),
    ]);
    return page(
      c,
      "Start",
      <HomePage coverage={coverage} courseTitle={courseTitle} asOfLabel={asOfLabel} />,
    );
  },
);
