import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { MANDATORY_COURSE_ID } from "../../courses/catalogue";
import { courses } from "../../db/schema";
import { Layout } from "../../views/layout";
import { HomePage } from "../../views/pages/home";
import { formatSwedishDate, stockholmDate } from "../domain/dates";
import type { AppEnv } from "../env";
import { getCoverage } from "../services/coverage";

export const homeRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const db = c.get("db");
  const asOf = stockholmDate(c.get("now")());
  const [coverage, course] = await Promise.all([
    getCoverage(db, c.get("scope"), { asOf }),
    db.query.courses.findFirst({ where: eq(courses.id, MANDATORY_COURSE_ID) }),
  ]);
  return c.html(
    <Layout title="Start" nav={[{ href: "/", label: "Start", current: true }]}>
      <HomePage
        coverage={coverage}
        courseTitle={course?.title ?? MANDATORY_COURSE_ID}
        asOfLabel={formatSwedishDate(asOf)}
      />
    </Layout>,
  );
});
