/** The yearly review of the action plan: the page, its A4 print view and the .xlsx export. */
import { Hono } from "hono";
import { PlanPrintDocument, PlanReviewPage } from "../../views/pages/plan-review";
import { CAN, requireRole } from "../auth/roles";
import { stockholmDate } from "../domain/dates";
import type { AppEnv } from "../env";
import { audit } from "../services/audit";
import { planReviewWorkbook } from "../services/plan-export";
import { planReview } from "../services/plan-review";
import { attachment, CONTENT_TYPES } from "../services/spreadsheet";
import { yearParam } from "./plan-forms";
import { page } from "./render";

export const planReviewRoutes = new Hono<AppEnv>()
  .get("/handlingsplan/:year/berattelse", requireRole(...CAN.viewReports), async (c) => {
    const year = yearParam(c.req.param("year"));
    const review = await planReview(c.get("db"), c.get("scope"), {
      year,
      today: stockholmDate(c.get("now")()),
    });
    return page(c, `Verksamhetsberättelse ${year}`, <PlanReviewPage review={review} />);
  })
  .get("/handlingsplan/:year/berattelse/utskrift", requireRole(...CAN.viewReports), async (c) => {
    const year = yearParam(c.req.param("year"));
    const review = await planReview(c.get("db"), c.get("scope"), {
      year,
      today: stockholmDate(c.get("now")()),
    });
    return c.html(<PlanPrintDocument review={review} />);
  })
  .get(
    "/handlingsplan/:year/berattelse/export.xlsx",
    requireRole(...CAN.viewReports),
    async (c) => {
      const year = yearParam(c.req.param("year"));
      const review = await planReview(c.get("db"), c.get("scope"), {
        year,
        today: stockholmDate(c.get("now")()),
      });
      const fileName = `verksamhetsberattelse-${year}.xlsx`;
      await audit(c.get("db"), {
        userId: c.get("user").id,
        action: "export",
        target: fileName,
        detail: { kind: "plan-review", year, format: "xlsx", rows: review.activities.length },
        ip: c.get("clientIp"),
      });
      c.header("Content-Type", CONTENT_TYPES.xlsx);
      c.header("Content-Disposition", attachment(fileName));
      c.header("Cache-Control", "private, no-store");
      return c.body(planReviewWorkbook(review, review.paragraph) as Uint8Array<ArrayBuffer>);
    },
  );
