/** The annual report: /rapport/:year (figures, sentence, per unit, lock) and its lock. */
import { Hono } from "hono";
import * as z from "zod";
import { AnnualLockConfirmPage } from "../../views/pages/annual-lock-confirm";
import { AnnualReportPage } from "../../views/pages/annual-report";
import { CAN, requireRole } from "../auth/roles";
import { hasData } from "../domain/annual-lock";
import { stockholmDate } from "../domain/dates";
import type { AppEnv } from "../env";
import { getLockedReport } from "../services/annual-report";
import { shownAnnualReport } from "../services/annual-report-view";
import { mandatoryCourseTitle } from "../services/courses";
import { dataFreshness } from "../services/data-freshness";
import { lockAnnualReport, lockSnapshot } from "../services/lock-report";
import { formValidator } from "./form";
import { NO_SUCH_REPORT, validParam, yearParam } from "./params";
import { page } from "./render";
import { scopedUnit } from "./report-params";

const validYear = validParam(yearParam, NO_SUCH_REPORT);

const MESSAGES = {
  locked: { kind: "ok", text: "Årsrapporten är låst." },
  already_locked: { kind: "error", text: "Årsrapporten var redan låst; den låsta siffran gäller." },
  future_year: { kind: "error", text: "Året är inte slut än och kan inte låsas." },
  no_data: { kind: "error", text: "Det finns inga uppgifter för året; det finns inget att låsa." },
  changed: {
    kind: "error",
    text: "Siffrorna ändrades medan du bekräftade (en import kom in). Inget låstes; se över siffrorna och lås igen.",
  },
} as const;

/** The confirmation form: the figures it showed, so a lock of other figures is refused. */
const lockForm = z.object({
  bekrafta: z.literal("ja").optional(),
  anstallda: z.coerce.number().int().nonnegative().optional(),
  nadda: z.coerce.number().int().nonnegative().optional(),
});

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
    const today = stockholmDate(c.get("now")());
    const [shown, courseTitle] = await Promise.all([
      shownAnnualReport(db, scope, { year, unit, today }),
      mandatoryCourseTitle(db),
    ]);
    const flash = c.req.query("meddelande");
    // The lock is about the organisation's figure: only its unfiltered view offers it.
    const wholeOrganisation = scope.kind === "all" && unit === null;
    return page(
      c,
      `Årsrapport ${year}`,
      <AnnualReportPage
        shown={shown}
        unit={unit}
        canLock={
          wholeOrganisation && (CAN.lockAnnualReport as readonly string[]).includes(user.role)
        }
        courseTitle={courseTitle}
        message={flash && flash in MESSAGES ? MESSAGES[flash as keyof typeof MESSAGES] : null}
      />,
    );
  })
  .get("/rapport/:year/las", requireRole(...CAN.lockAnnualReport), validYear, async (c) => {
    const { year } = c.req.valid("param");
    const db = c.get("db");
    const today = stockholmDate(c.get("now")());
    if (`${year}-12-31` >= today) return c.redirect(`/rapport/${year}?meddelande=future_year`, 303);
    if (await getLockedReport(db, year))
      return c.redirect(`/rapport/${year}?meddelande=already_locked`, 303);
    const [{ report }, freshness] = await Promise.all([lockSnapshot(db, year), dataFreshness(db)]);
    if (!hasData(report)) return c.redirect(`/rapport/${year}?meddelande=no_data`, 303);
    return page(
      c,
      `Lås årsrapport ${year}`,
      <AnnualLockConfirmPage report={report} freshness={freshness} />,
    );
  })
  .post(
    "/rapport/:year/las",
    requireRole(...CAN.lockAnnualReport),
    validYear,
    formValidator(lockForm),
    async (c) => {
      const { year } = c.req.valid("param");
      const form = c.req.valid("form");
      // Locking is final: without the confirmation's answer, show the confirmation first.
      if (form.bekrafta !== "ja") return c.redirect(`/rapport/${year}/las`, 303);
      const now = c.get("now")();
      const expected =
        form.anstallda !== undefined && form.nadda !== undefined
          ? { headcount: form.anstallda, reached: form.nadda }
          : undefined;
      const result = await lockAnnualReport(c.get("db"), {
        year,
        userId: c.get("user").id,
        now,
        today: stockholmDate(now),
        ip: c.get("clientIp"),
        expected,
      });
      // Post/redirect/get: reloading the page never locks twice.
      return c.redirect(`/rapport/${year}?meddelande=${result.ok ? "locked" : result.reason}`, 303);
    },
  );
