/**
 * Upload → preview → confirm or cancel for the target-group imports (admin/hr), like the
 * staff and course imports: the preview is a dry run whose validated rows are kept (not the
 * file); the confirm applies them, planned again inside the write transaction. Undo is on
 * /imports with the other kinds (newest first).
 */
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import * as z from "zod";
import { TargetImportPreview } from "../../views/pages/targets/import";
import { CAN, requireRole } from "../auth/roles";
import { UserError } from "../domain/user-error";
import type { AppEnv } from "../env";
import { cancelPendingUpload } from "../services/imports/pending";
import { claimPending } from "../services/imports/runner";
import { runTargetImportOf } from "../services/target-imports";
import { TARGET_IMPORT_KINDS, type TargetImportKind } from "../services/target-imports/kind";
import {
  loadPendingTargetImport,
  savePendingTargetImport,
} from "../services/target-imports/pending";
import type { ParsedTargetFile } from "../services/target-imports/run";
import { isFragment, page } from "./render";
import { uploadBodyLimit } from "./upload-limit";

/** Where each kind's page is, to return to after a confirm or cancel. */
export const TARGET_PAGE: Record<TargetImportKind, string> = {
  units: "/malgrupper/enheter",
  requirements: "/malgrupper",
  exemptions: "/malgrupper/undantag",
};

const pendingForm = z.object({ pending: z.string().regex(/^[0-9a-f]{32}$/) });

export function targetImportRoutes() {
  return new Hono<AppEnv>()
    .use("/malgrupper/import/*", requireRole(...CAN.importFiles))
    .post(
      "/malgrupper/import/preview",
      uploadBodyLimit,
      zValidator(
        "form",
        z.object({
          kind: z.enum(TARGET_IMPORT_KINDS),
          file: z.instanceof(File),
        }),
        (result) => {
          if (!result.success) throw new UserError("Välj en fil att ladda upp.");
        },
      ),
      async (c) => {
        const { kind, file } = c.req.valid("form");
        const user = c.get("user");
        const { parsed, ...report } = await runTargetImportOf(c.get("db"), kind, {
          bytes: new Uint8Array(await file.arrayBuffer()),
          fileName: file.name || "fil",
          dryRun: true,
          userId: user.id,
          limits: c.get("readLimits"),
        });
        const canApply =
          report.errors.length === 0 && report.alreadyImportedAs === null && !report.empty;
        const pendingId = canApply
          ? await savePendingTargetImport(
              c.get("db"),
              user.id,
              { kind, fileName: report.fileName, parsed: parsed as ParsedTargetFile<unknown> },
              c.get("now")(),
            )
          : null;
        const status = report.errors.length > 0 && !isFragment(c) ? 422 : 200;
        return page(
          c,
          "Förhandsgranskning",
          <TargetImportPreview report={report} pendingId={pendingId} />,
          status,
        );
      },
    )
    .post("/malgrupper/import/confirm", zValidator("form", pendingForm), async (c) => {
      const db = c.get("db");
      const user = c.get("user");
      const pending = await loadPendingTargetImport(
        db,
        user.id,
        c.req.valid("form").pending,
        c.get("now")(),
      );
      if (!pending)
        throw new UserError("Förhandsgranskningen finns inte längre. Ladda upp filen igen.", 410);
      const { parsed: _, ...report } = await runTargetImportOf(db, pending.kind, {
        fileName: pending.fileName,
        parsed: pending.parsed as never,
        dryRun: false,
        userId: user.id,
        ip: c.get("clientIp"),
        claim: claimPending({ id: pending.id, userId: user.id }),
      });
      const done = report.importId ?? report.alreadyImportedAs;
      if (done === null)
        return page(
          c,
          "Förhandsgranskning",
          <TargetImportPreview report={report} pendingId={null} />,
          409,
        );
      return c.redirect(`${TARGET_PAGE[pending.kind]}?import=${done}`, 303);
    })
    .post("/malgrupper/import/cancel", zValidator("form", pendingForm), async (c) => {
      const user = c.get("user");
      const pending = await loadPendingTargetImport(
        c.get("db"),
        user.id,
        c.req.valid("form").pending,
        c.get("now")(),
      );
      await cancelPendingUpload(c.get("db"), user.id, c.req.valid("form").pending);
      return c.redirect(pending ? TARGET_PAGE[pending.kind] : "/malgrupper", 303);
    });
}
