/** The annual report: /rapport/:year (figures, sentence, per unit, lock) and its lock. */
import { Hono } from "hono";
import { AnnualReportPage } from "../../views/pages/annual-report";
import { CAN, requireRole } from "../auth/roles";
import { stockholmDate } from "../domain/dates";
import type { AppEnv } from "../env";
import { computeAnnualReport, getLockedReport } from "../services/annual-report";
import { mandatoryCourseTitle } from "../services/courses";
import { lockAnnualReport } from "../services/lock-report";
import { NO_SUCH_REPORT, validParam, yearParam } from "./params";
import { page } from "./render";
import { scopedUnit } from "./report-params";

const validYear = validParam(yearParam, NO_SUCH_REPORT);

const MESSAGES = {
  locked: { kind: "ok", text: "Årsrapporten är låst." },
  already_locked: { kind: "error", text: "Årsrapporten var redan låst; den låsta siffran gäller." },
  future_year: { kind: "error", text: "Året är inte slut än och kan inte låsas." },
} as const;

/** The last full year is the one people usually want. */
function defaultYear(today: string): number {
  return Number(today.slice(0, 4)) - 1;
}

export const annualReportRoutes = new Hono<AppEnv>()
  .get("/rapport", requireRole(...CAN.viewReports), (c) =>
    c.redirect(`/rapport/${defaultYear(stockholmDate(c.get("now")()))}`, 302),
  )
  .get("/rapport/:year", requireRole(...CAN.viewReports), validYear, async (c) => {
    const { year } = c.req.valid("param");
    const db = c.get("db");
    const scope = c.get("scope");
    const user = c.get("user");
    const unit = await scopedUnit(c, c.req.query("enhet"));
    // The lock is about the organisation's figure: only the unfiltered, all-units view shows it.
    const wholeOrganisation = scope.kind === "all" && unit === null;
    const [report, locked, courseTitle] = await Promise.all([
      computeAnnualReport(db, scope, { year, unit }),
      wholeOrganisation ? getLockedReport(db, year) : Promise.resolve(null),
      mandatoryCourseTitle(db),
    ]);
    const flash = c.req.query("meddelande");
    return page(
      c,
      `Årsrapport ${year}`,
      <AnnualReportPage
        report={report}
        unit={unit}
        locked={locked}
        canLock={
          wholeOrganisation && (CAN.lockAnnualReport as readonly string[]).includes(user.role)
        }
        yearIsOver={`${year}-12-31` < stockholmDate(c.get("now")())}
        courseTitle={courseTitle}
        message={flash && flash in MESSAGES ? MESSAGES[flash as keyof typeof MESSAGES] : null}
      />,
    );
  })
  .post("/rapport/:year/las", requireRole(...CAN.lockAnnualReport), validYear, async (c) => {
    const { year } = c.req.valid("param");
    const now = c.get("now")();
    const result = await lockAnnualReport(c.get("db"), {
      year,
      userId: c.get("user").id,
      now,
      today: stockholmDate(now),
      ip: c.get("clientIp"),
    });
    // Post/redirect/get: reloading the page never locks twice.
    return c.redirect(`/rapport/${year}?meddelande=${result.ok ? "locked" : result.reason}`, 303);
  });
