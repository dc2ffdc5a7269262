/**
 * Målgrupper (admin/hr): who must take which course. The overview links the three kinds of
 * data the figures per course are derived from: unit attributes, each course's requirement
 * rules and exemptions.
 */
import { Hono } from "hono";
import { formatMegabytes } from "../../imports/read";
import { DEFAULT_READ_LIMITS } from "../../imports/read/types";
import { TargetGroupsPage } from "../../views/pages/targets/overview";
import { CAN, requireRole } from "../auth/roles";
import type { AppEnv } from "../env";
import { courseRuleCounts } from "../services/requirement-rules";
import { page } from "./render";
import { targetExemptionRoutes } from "./target-exemptions";
import { targetImportRoutes } from "./target-imports";
import { targetRequirementRoutes } from "./target-requirements";
import { targetUnitRoutes } from "./target-units";

export function targetGroupRoutes(uploadLimitBytes = DEFAULT_READ_LIMITS.maxBytes) {
  const limitLabel = formatMegabytes(uploadLimitBytes);
  return new Hono<AppEnv>()
    .use("/malgrupper", requireRole(...CAN.importFiles))
    .get("/malgrupper", async (c) => {
      const done = c.req.query("import");
      const notice =
        done && /^\d+$/.test(done)
          ? `Importen är sparad (nr ${done}). Den kan ångras under Importera.`
          : null;
      const courses = await courseRuleCounts(c.get("db"));
      return page(
        c,
        "Målgrupper",
        <TargetGroupsPage courses={courses} notice={notice} limitLabel={limitLabel} />,
      );
    })
    .route("/", targetUnitRoutes(limitLabel))
    .route("/", targetRequirementRoutes)
    .route("/", targetExemptionRoutes(limitLabel))
    .route("/", targetImportRoutes());
}
