/** The annual report: /rapport/:year (figures, sentence, per unit, lock) and its lock. */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { AnnualReportPage } from "../../views/pages/annual-report";
import { CAN, requireRole } from "../auth/roles";
import { stockholmDate } from "../domain/dates";
import type { AppEnv } from "../env";
import { computeAnnualReport, getLockedReport } from "../services/annual-report";
import { lockAnnualReport } from "../services/lock-report";
import { page } from "./render";
import { mandatoryCourseTitle, scopedUnit } from "./report-params";

const MESSAGES = {
  locked: { kind: "ok", text: "Årsrapporten är låst." },
  already_locked: { kind: "error", text: "Årsrapporten var redan låst; den låsta siffran gäller." },
  future_year: { kind: "error", text: "Året är inte slut än och kan inte låsas." },
} as const;

function yearParam(raw: string): number {
  if (!/^\d{4}$/.test(raw) || Number(raw) < 1990 || Number(raw) > 2100) {
    throw new HTTPException(404, { message: "Det finns ingen årsrapport för det året." });
  }
  return Number(raw);
}

/** The last full year is the one people usually want. */
function defaultYear(today: string): number {
  return Number(today.slice(0, 4)) - 1;
}

export const annualReportRoutes = new Hono<AppEnv>()
  .get("/rapport", requireRole(...CAN.viewReports), (c) =>
    c.redirect(`/rapport/${defaultYear(stockholmDate(c.get("now")()))}`, 302),
  )
  .get("/rapport/:year", requireRole(...CAN.viewReports), async (c) => {
    const year = yearParam(c.req.param("year"));
    const db = c.get("db");
    const scope = c.get("scope");
    const user = c.get("user")!;
    const unit = await scopedUnit(c, c.req.query("enhet"));
    // The lock is about the organisation's figure: only the unfiltered, all-units view shows it.
    const wholeOrganisation = scope.kind === "all" && unit === null;
    const [report, locked, courseTitle] = await Promise.all([
      computeAnnualReport(db, scope, { year, unit }),
      wholeOrganisation ? getLockedReport(db, year) : Promise.resolve(null),
      mandatoryCourseTitle(c),
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
  .post("/rapport/:year/las", requireRole(...CAN.lockAnnualReport), async (c) => {
    const year = yearParam(c.req.param("year"));
    const now = c.get("now")();
    const result = await lockAnnualReport(c.get("db"), {
      year,
      userId: c.get("user")!.id,
      now,
      today: stockholmDate(now),
      ip: c.get("clientIp"),
    });
    // Post/redirect/get: reloading the page never locks twice.
    return c.redirect(`/rapport/${year}?meddelande=${result.ok ? "locked" : result.reason}`, 303);
  });
