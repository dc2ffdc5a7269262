import { Hono } from "hono";
import { HomePage } from "../../views/pages/home";
import { CAN, requireRole } from "../auth/roles";
import { formatSwedishDate, stockholmDate } from "../domain/dates";
import type { AppEnv } from "../env";
import { mandatoryCourseTitle } from "../services/courses";
import { getCoverage } from "../services/coverage";
import { page } from "./render";

export const homeRoutes = new Hono<AppEnv>().get(
  "/",
  requireRole(...CAN.viewReports),
  async (c) => {
    const db = c.get("db");
    const asOf = stockholmDate(c.get("now")());
    const [coverage, courseTitle] = await Promise.all([
      getCoverage(db, c.get("scope"), { asOf }),
      mandatoryCourseTitle(db),
    ]);
    return page(
      c,
      "Start",
      <HomePage
        coverage={coverage}
        courseTitle={courseTitle}
        asOfLabel={formatSwedishDate(asOf)}
      />,
    );
  },
);
