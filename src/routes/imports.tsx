/**
 * Imports for HR (CAN.importFiles): upload → preview (a dry run; the parsed rows kept, not the
 * file) → confirm or cancel;
 * undo of the latest import of a kind; the queue of unmatched rows.
 */
import { zValidator } from "@hono/zod-validator";
import { type Context, Hono } from "hono";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as z from "zod";
import { formatMegabytes } from "../../imports/read";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../../imports/read/types";
import { ImportPreview } from "../../views/pages/import-preview";
import { UndoConfirm } from "../../views/pages/import-undo";
import { ImportsPage } from "../../views/pages/imports";
import { CAN, requireRole } from "../auth/roles";
import { isIsoDate, stockholmDate } from "../domain/dates";
import { UserError } from "../domain/user-error";
import type { AppEnv, SignedInEnv } from "../env";
import { countOpenUnmatched, findImport, listImports } from "../services/imports/history";
import {
  cancelPendingUpload,
  loadPendingUpload,
  purgeStalePendingUploads,
} from "../services/imports/pending";
import { type ImportResult, type ImportRunner, inPlaceRunner } from "../services/imports/runner";
import { newerImports, undoImport } from "../services/imports/undo";
import { unmatchedRoutes } from "./imports-unmatched";
import { isFragment, page } from "./render";
import { uploadBodyLimit } from "./upload-limit";

type C = Context<SignedInEnv>;

/** htmx only swaps 2xx responses, so fragments carry their error inside a 200. */
function respond(c: C, title: string, body: Child, status: ContentfulStatusCode) {
  return page(c, title, body, isFragment(c) ? 200 : status);
}

const uploadForm = z.object({
  kind: z.enum(["staff", "completions"]),
  asOf: z.string().optional(),
  file: z.instanceof(File, { message: "Välj en fil att ladda upp." }),
});

export function importRoutes(
  uploadLimitBytes = DEFAULT_READ_LIMITS.maxBytes,
  runner?: ImportRunner,
  readLimits: Partial<ReadLimits> = {},
) {
  const limits = { ...DEFAULT_READ_LIMITS, ...readLimits, maxBytes: uploadLimitBytes };
  const limitLabel = formatMegabytes(uploadLimitBytes);

  async function importsPage(
    c: C,
    msg: { error?: string; notice?: string } = {},
    status: ContentfulStatusCode = 200,
  ) {
    const db = c.get("db");
    const [history, openUnmatched] = await Promise.all([listImports(db), countOpenUnmatched(db)]);
    return respond(
      c,
      "Importera",
      <ImportsPage
        history={history}
        openUnmatched={openUnmatched}
        today={stockholmDate(c.get("now")())}
        limitLabel={limitLabel}
        error={msg.error ?? null}
        notice={msg.notice ?? null}
      />,
      status,
    );
  }

  /**
   * A preview parses the file once and gets the parsed rows back (what is kept for the
   * confirm); a confirm applies those rows, never the file.
   */
  async function runImport(
    c: C,
    kind: "staff" | "completions",
    file: { bytes: Uint8Array; fileName: string } | { fileName: string },
    asOf: string,
    dryRun: boolean,
    pendingId?: string,
  ): Promise<ImportResult> {
    const userId = c.get("user").id;
    const run = runner ?? inPlaceRunner(c.get("db"));
    return run({
      kind,
      // A confirm sends no rows: the runner reads the saved preview's rows where it runs.
      ...("bytes" in file
        ? {
            ...file,
            ...(dryRun ? { savePreview: { userId, now: c.get("now")().toISOString() } } : {}),
          }
        : { bytes: new Uint8Array(), fileName: file.fileName }),
      asOf,
      dryRun,
      userId,
      ip: c.get("clientIp"),
      limits,
      ...(pendingId ? { pending: { id: pendingId, userId } } : {}),
    });
  }

  return new Hono<AppEnv>()
    .use("/imports", requireRole(...CAN.importFiles))
    .use("/imports/*", requireRole(...CAN.importFiles))
    .get("/imports", async (c) => {
      await purgeStalePendingUploads(c.get("db"), c.get("now")());
      const done = c.req.query("done");
      const undone = c.req.query("undone");
      return importsPage(c, {
        notice: done
          ? `Importen är sparad (nr ${Number(done)}).`
          : undone
            ? `Import ${Number(undone)} är ångrad.`
            : undefined,
      });
    })
    .post(
      "/imports/preview",
      uploadBodyLimit,
      zValidator("form", uploadForm, (result) => {
        if (!result.success)
          throw new UserError("Välj vad det är för fil och en fil att ladda upp.");
      }),
      async (c) => {
        const { kind, asOf: asOfText, file } = c.req.valid("form");
        const asOf = asOfText && isIsoDate(asOfText) ? asOfText : stockholmDate(c.get("now")());
        const bytes = new Uint8Array(await file.arrayBuffer());
        // The runner saves the preview's rows for the confirm when the file can be applied.
        const { pendingId = null, ...report } = await runImport(
          c,
          kind,
          { bytes, fileName: file.name || "fil" },
          asOf,
          true,
        );
        return respond(
          c,
          "Förhandsgranskning",
          <ImportPreview report={report} pendingId={pendingId} />,
          report.errors.length > 0 ? 422 : 200,
        );
      },
    )
    .post(
      "/imports/confirm",
      zValidator("form", z.object({ pending: z.string().regex(/^[0-9a-f]{32}$/) })),
      async (c) => {
        const pending = await loadPendingUpload(
          c.get("db"),
          c.get("user").id,
          c.req.valid("form").pending,
          c.get("now")(),
        );
        if (!pending)
          throw new UserError("Förhandsgranskningen finns inte längre. Ladda upp filen igen.", 410);
        const { pendingId: _, ...report } = await runImport(
          c,
          pending.kind,
          { fileName: pending.fileName },
          pending.asOf ?? stockholmDate(c.get("now")()),
          false,
          pending.id,
        );
        // A second click (or a colleague's identical confirm) found the file already in.
        if (report.importId === null && report.alreadyImportedAs !== null)
          return c.redirect(`/imports?done=${report.alreadyImportedAs}`, 303);
        if (report.importId === null) {
          return page(
            c,
            "Förhandsgranskning",
            <ImportPreview report={report} pendingId={null} />,
            409,
          );
        }
        return c.redirect(`/imports?done=${report.importId}`, 303);
      },
    )
    .post(
      "/imports/cancel",
      zValidator("form", z.object({ pending: z.string().regex(/^[0-9a-f]{32}$/) })),
      async (c) => {
        await cancelPendingUpload(c.get("db"), c.get("user").id, c.req.valid("form").pending);
        return importsPage(c, {
          notice: "Importen är avbruten; den uppladdade filen är borttagen.",
        });
      },
    )
    .post(
      "/imports/:id/undo",
      zValidator("param", z.object({ id: z.coerce.number().int().positive() })),
      zValidator("form", z.object({ withNewer: z.literal("1").optional() })),
      async (c) => {
        const db = c.get("db");
        const imp = await findImport(db, c.req.valid("param").id);
        if (!imp) throw new UserError("Importen finns inte.", 404);
        const withNewer = c.req.valid("form").withNewer === "1";
        if (!withNewer && imp.status === "applied") {
          const newer = await newerImports(db, imp);
          if (newer.length > 0)
            return respond(c, "Ångra import", <UndoConfirm target={imp} newer={newer} />, 409);
        }
        await undoImport(
          db,
          imp,
          { userId: c.get("user").id, ip: c.get("clientIp") },
          { withNewer },
        );
        return c.redirect(`/imports?undone=${imp.id}`, 303);
      },
    )
    .route("/", unmatchedRoutes);
}
