/** Funktionsnivå and tags per unit, for admin/hr: the tree and one unit's edit (audited). */
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import * as z from "zod";
import { splitTags } from "../../imports/target-columns";
import { UnitAttributeForm, UnitAttributesPage } from "../../views/pages/targets/units";
import { CAN, requireRole } from "../auth/roles";
import { FUNCTION_LEVEL_LABEL } from "../domain/function-level";
import { UserError } from "../domain/user-error";
import type { AppEnv } from "../env";
import {
  listUnitAttributes,
  unitAttributesById,
  updateUnitAttributes,
} from "../services/unit-attributes";
import { idParam, validParam } from "./params";
import { isFragment, page } from "./render";

const editForm = z.object({
  functionLevel: z.enum(["", "forebyggande", "forhindrande"]).default(""),
  tags: z.string().max(500).default(""),
});

export function targetUnitRoutes(limitLabel: string) {
  return new Hono<AppEnv>()
    .use("/malgrupper/enheter", requireRole(...CAN.importFiles))
    .use("/malgrupper/enheter/*", requireRole(...CAN.importFiles))
    .get("/malgrupper/enheter", async (c) => {
      const done = c.req.query("import");
      const notice =
        done && /^\d+$/.test(done)
          ? `Importen är sparad (nr ${done}). Den kan ångras under Importera.`
          : null;
      const units = await listUnitAttributes(c.get("db"));
      return page(
        c,
        "Enheternas funktionsnivå och taggar",
        <UnitAttributesPage units={units} notice={notice} limitLabel={limitLabel} />,
      );
    })
    .get("/malgrupper/enheter/:id", validParam(idParam, "Enheten finns inte."), async (c) => {
      const unit = await unitAttributesById(c.get("db"), c.req.valid("param").id);
      if (!unit) throw new UserError("Enheten finns inte.", 404);
      return page(c, unit.name, <UnitAttributeForm unit={unit} notice={null} />);
    })
    .post(
      "/malgrupper/enheter/:id",
      validParam(idParam, "Enheten finns inte."),
      zValidator("form", editForm, (r) => {
        if (!r.success)
          throw new UserError(
            `Välj ${FUNCTION_LEVEL_LABEL.forebyggande}, ${FUNCTION_LEVEL_LABEL.forhindrande} eller att nivån ärvs; taggarna får vara högst 500 tecken.`,
          );
      }),
      async (c) => {
        const id = c.req.valid("param").id;
        const form = c.req.valid("form");
        const level = form.functionLevel === "" ? null : form.functionLevel;
        const db = c.get("db");
        const { changed } = await updateUnitAttributes(
          db,
          { unitId: id, functionLevel: level, tags: splitTags(form.tags) },
          { userId: c.get("user").id, ip: c.get("clientIp") },
        );
        if (!isFragment(c)) return c.redirect(`/malgrupper/enheter/${id}`, 303);
        const unit = await unitAttributesById(db, id);
        if (!unit) throw new UserError("Enheten finns inte.", 404);
        return page(
          c,
          unit.name,
          <UnitAttributeForm unit={unit} notice={changed ? "Sparat." : "Inget ändrades."} />,
        );
      },
    );
}
