/**
 * Undo of an import (mounted by importRoutes, behind CAN.importFiles): a confirmation page
 * with what the import wrote and what undoing removes, then the POST that undoes it (with all
 * newer imports when it is not the newest).
 */
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import * as z from "zod";
import { UndoConfirm } from "../../views/pages/import-undo";
import { CAN, requireRole } from "../auth/roles";
import { UserError } from "../domain/user-error";
import type { AppEnv } from "../env";
import { findImport, importUserName } from "../services/imports/history";
import { newerImports, undoImport } from "../services/imports/undo";
import { isFragment, page } from "./render";

const idParam = zValidator("param", z.object({ id: z.coerce.number().int().positive() }));

export const undoRoutes = new Hono<AppEnv>()
  .use("/imports/*", requireRole(...CAN.importFiles))
  .get("/imports/:id/undo", idParam, async (c) => {
    const db = c.get("db");
    const imp = await findImport(db, c.req.valid("param").id);
    if (!imp) throw new UserError("Importen finns inte.", 404);
    if (imp.status !== "applied") throw new UserError(`Import ${imp.id} är redan ångrad.`, 409);
    const [newer, userName] = await Promise.all([newerImports(db, imp), importUserName(db, imp)]);
    return page(c, "Ångra import", <UndoConfirm target={{ ...imp, userName }} newer={newer} />);
  })
  .post(
    "/imports/:id/undo",
    idParam,
    zValidator("form", z.object({ withNewer: z.literal("1").optional() })),
    async (c) => {
      const db = c.get("db");
      const imp = await findImport(db, c.req.valid("param").id);
      if (!imp) throw new UserError("Importen finns inte.", 404);
      const withNewer = c.req.valid("form").withNewer === "1";
      if (!withNewer && imp.status === "applied") {
        const newer = await newerImports(db, imp);
        if (newer.length > 0) {
          const userName = await importUserName(db, imp);
          // htmx only swaps 2xx responses, so a fragment carries the question inside a 200.
          return page(
            c,
            "Ångra import",
            <UndoConfirm target={{ ...imp, userName }} newer={newer} />,
            isFragment(c) ? 200 : 409,
          );
        }
      }
      await undoImport(db, imp, { userId: c.get("user").id, ip: c.get("clientIp") }, { withNewer });
      return c.redirect(`/imports?undone=${imp.id}`, 303);
    },
  );
