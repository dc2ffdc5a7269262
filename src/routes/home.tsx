import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { MANDATORY_COURSE_ID } from "../../courses/catalogue";
import { courses } from "../../db/schema";
import { HomePage } from "../../views/pages/home";
import { CAN, requireRole } from "../auth/roles";
import { formatSwedishDate, stockholmDate } from "../domain/dates";
import type { AppEnv } from "../env";
import { getCoverage } from "../services/coverage";
import { page } from "./render";

export const homeRoutes = new Hono<AppEnv>().get(
  "/",
  requireRole(...CAN.viewReports),
  async (c) => {
    const db = c.get("db");
    const asOf = stockholmDate(c.get("now")());
    const [coverage, course] = await Promise.all([
      getCoverage(db, c.get("scope"), { asOf }),
      db.query.courses.findFirst({ where: eq(courses.id, MANDATORY_COURSE_ID) }),
    ]);
    return page(
      c,
      "Start",
      <HomePage
        coverage={coverage}
        courseTitle={course?.title ?? MANDATORY_COURSE_ID}
        asOfLabel={formatSwedishDate(asOf)}
      />,
    );
  },
);
