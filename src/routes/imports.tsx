/**
 * Imports for HR (CAN.importFiles): upload → preview (a dry run, the file kept) → confirm;
 * undo of the latest import of a kind; the queue of unmatched rows.
 */
import { zValidator } from "@hono/zod-validator";
import { eq } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { imports } from "../../db/schema";
import { formatMegabytes } from "../../imports/read";
import { DEFAULT_READ_LIMITS, ImportFileError } from "../../imports/read/types";
import { ImportPreview } from "../../views/pages/import-preview";
import { ImportsPage } from "../../views/pages/imports";
import { CAN, requireRole } from "../auth/roles";
import { isIsoDate, stockholmDate } from "../domain/dates";
import type { AppEnv } from "../env";
import { loadCourseTitleIndex } from "../services/courses";
import { importCompletions } from "../services/imports/completions";
import { countOpenUnmatched, listImports } from "../services/imports/history";
import { parseCompletionFile, parseStaffFile } from "../services/imports/parse";
import {
  cancelPendingUpload,
  type NewPendingUpload,
  purgeStalePendingUploads,
  savePendingUpload,
  takePendingUpload,
} from "../services/imports/pending";
import { importStaff } from "../services/imports/staff";
import type { ImportReport } from "../services/imports/types";
import { undoImport } from "../services/imports/undo";
import { asApp } from "./form";
import { unmatchedRoutes } from "./imports-unmatched";
import { page } from "./render";

type C = Context<AppEnv>;

/** htmx only swaps 2xx responses, so fragments carry their error inside a 200. */
function respond(c: C, title: string, body: Child, status: ContentfulStatusCode) {
  return page(c, title, body, c.req.header("HX-Request") ? 200 : status);
}

const uploadForm = z.object({
  kind: z.enum(["staff", "completions"]),
  asOf: z.string().optional(),
  file: z.instanceof(File, { message: "Välj en fil att ladda upp." }),
});

export function importRoutes(uploadLimitBytes = DEFAULT_READ_LIMITS.maxBytes) {
  const limits = { ...DEFAULT_READ_LIMITS, maxBytes: uploadLimitBytes };
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

  /** Runs an import from rows parsed once (the preview keeps them for the confirm). */
  async function runImport(
    c: C,
    upload: NewPendingUpload,
    asOf: string,
    dryRun: boolean,
  ): Promise<ImportReport> {
    const input = {
      bytes: new Uint8Array(),
      fileName: upload.fileName,
      dryRun,
      userId: c.get("user")!.id,
      ip: c.get("clientIp"),
      limits,
    };
    return upload.kind === "staff"
      ? importStaff(c.get("db"), { ...input, parsed: upload.parsed, asOf })
      : importCompletions(c.get("db"), { ...input, parsed: upload.parsed });
  }

  async function parseUpload(
    c: C,
    kind: "staff" | "completions",
    bytes: Uint8Array,
    fileName: string,
    asOf: string | null,
  ): Promise<NewPendingUpload> {
    return kind === "staff"
      ? { kind, fileName, asOf, parsed: await parseStaffFile(bytes, fileName, limits) }
      : {
          kind,
          fileName,
          asOf: null,
          parsed: await parseCompletionFile(
            bytes,
            fileName,
            await loadCourseTitleIndex(c.get("db")),
            limits,
          ),
        };
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
      bodyLimit({
        // Room for the multipart envelope and the other fields; the reader enforces the file limit.
        maxSize: uploadLimitBytes + 64 * 1024,
        onError: (c) =>
          importsPage(c, { error: `Filen är för stor; högst ${limitLabel} tas emot.` }, 413),
      }),
      zValidator("form", uploadForm, async (result, c) => {
        if (!result.success)
          return importsPage(
            asApp(c),
            { error: "Välj vad det är för fil och en fil att ladda upp." },
            400,
          );
      }),
      async (c) => {
        const { kind, asOf: asOfText, file } = c.req.valid("form");
        const asOf = asOfText && isIsoDate(asOfText) ? asOfText : stockholmDate(c.get("now")());
        const bytes = new Uint8Array(await file.arrayBuffer());
        let report: ImportReport;
        let upload: NewPendingUpload;
        try {
          upload = await parseUpload(c, kind, bytes, file.name || "fil", asOf);
          report = await runImport(c, upload, asOf, true);
        } catch (err) {
          if (err instanceof ImportFileError) return importsPage(c, { error: err.message }, 422);
          throw err;
        }
        const canApply = report.errors.length === 0 && report.alreadyImportedAs === null;
        const pendingId = canApply
          ? await savePendingUpload(c.get("db"), c.get("user")!.id, upload, c.get("now")())
          : null;
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
        const pending = await takePendingUpload(
          c.get("db"),
          c.get("user")!.id,
          c.req.valid("form").pending,
          c.get("now")(),
        );
        if (!pending)
          return importsPage(
            c,
            { error: "Förhandsgranskningen finns inte längre. Ladda upp filen igen." },
            410,
          );
        try {
          const report = await runImport(
            c,
            pending,
            pending.asOf ?? stockholmDate(c.get("now")()),
            false,
          );
          if (report.importId === null) {
            return page(
              c,
              "Förhandsgranskning",
              <ImportPreview report={report} pendingId={null} />,
              409,
            );
          }
          return c.redirect(`/imports?done=${report.importId}`, 303);
        } catch (err) {
          if (err instanceof ImportFileError) return importsPage(c, { error: err.message }, 409);
          throw err;
        }
      },
    )
    .post(
      "/imports/cancel",
      zValidator("form", z.object({ pending: z.string().regex(/^[0-9a-f]{32}$/) })),
      async (c) => {
        await cancelPendingUpload(c.get("db"), c.get("user")!.id, c.req.valid("form").pending);
        return importsPage(c, {
          notice: "Importen är avbruten; den uppladdade filen är borttagen.",
        });
      },
    )
    .post(
      "/imports/:id/undo",
      zValidator("param", z.object({ id: z.coerce.number().int().positive() })),
      async (c) => {
        const db = c.get("db");
        const imp = await db.query.imports.findFirst({
          where: eq(imports.id, c.req.valid("param").id),
        });
        if (!imp) return importsPage(c, { error: "Importen finns inte." }, 404);
        try {
          await undoImport(db, imp, { userId: c.get("user")!.id, ip: c.get("clientIp") });
        } catch (err) {
          if (err instanceof ImportFileError) return importsPage(c, { error: err.message }, 409);
          throw err;
        }
        return c.redirect(`/imports?undone=${imp.id}`, 303);
      },
    )
    .route("/", unmatchedRoutes);
}
