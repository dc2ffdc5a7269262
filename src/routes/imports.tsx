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
import { ImportsPage } from "../../views/pages/imports";
import { CAN, requireRole } from "../auth/roles";
import { isIsoDate, stockholmDate } from "../domain/dates";
import { UserError } from "../domain/user-error";
import type { AppEnv, SignedInEnv } from "../env";
import { staffChangesCsv } from "../services/imports/changes-export";
import { countOpenUnmatched, listImports } from "../services/imports/history";
import {
  cancelPendingUpload,
  loadPendingUpload,
  purgeStalePendingUploads,
  setPendingAsOf,
} from "../services/imports/pending";
import { type ImportResult, type ImportRunner, inPlaceRunner } from "../services/imports/runner";
import { logAccess } from "../services/privacy/access-log";
import { attachment } from "../services/spreadsheet";
import { undoRoutes } from "./imports-undo";
import { unmatchedRoutes } from "./imports-unmatched";
import { isFragment, page } from "./render";
import { uploadBodyLimit } from "./upload-limit";

type C = Context<SignedInEnv>;

/** htmx only swaps 2xx responses, so fragments carry their error inside a 200. */
function respond(c: C, title: string, body: Child, status: ContentfulStatusCode) {
  return page(c, title, body, isFragment(c) ? 200 : status);
}

const pendingId = z.string().regex(/^[0-9a-f]{32}$/);
const gonePreview = () =>
  new UserError("Förhandsgranskningen finns inte längre. Ladda upp filen igen.", 410);

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
        limitBytes={uploadLimitBytes}
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

  /**
   * Plans the file (or the saved preview's rows, `pendingId`) as a dry run and renders it.
   * Where the import runs (the worker thread on Node) the rows are saved for the confirm.
   */
  async function preview(
    c: C,
    kind: "staff" | "completions",
    file: { bytes: Uint8Array; fileName: string } | { fileName: string; pendingId: string },
    asOf: string,
  ) {
    const saved = "pendingId" in file ? file.pendingId : undefined;
    const { pendingId = saved ?? null, ...report } = await runImport(
      c,
      kind,
      saved ? { fileName: file.fileName } : file,
      asOf,
      true,
      saved,
    );
    const canApply = report.errors.length === 0 && report.alreadyImportedAs === null;
    return respond(
      c,
      "Förhandsgranskning",
      <>
        <ImportPreview report={report} pendingId={canApply ? pendingId : null} />
        {isFragment(c) ? null : <script src="/static/imports.js" defer></script>}
      </>,
      report.errors.length > 0 ? 422 : 200,
    );
  }

  return (
    new Hono<AppEnv>()
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
          return preview(c, kind, { bytes, fileName: file.name || "fil" }, asOf);
        },
      )
      // The preview's "use the file's date" button: the saved rows planned again as of that date.
      .post(
        "/imports/preview/as-of",
        zValidator("form", z.object({ pending: pendingId, asOf: z.string().refine(isIsoDate) })),
        async (c) => {
          const { pending: id, asOf } = c.req.valid("form");
          const pending = await loadPendingUpload(
            c.get("db"),
            c.get("user").id,
            id,
            c.get("now")(),
          );
          if (pending?.kind !== "staff") throw gonePreview();
          // The saved rows stay; only the date they are planned (and later applied) as of changes.
          await setPendingAsOf(c.get("db"), { id: pending.id, userId: c.get("user").id }, asOf);
          return preview(c, "staff", { fileName: pending.fileName, pendingId: pending.id }, asOf);
        },
      )
      // Every per-person change of the saved preview (the page shows the first of each list).
      .get(
        "/imports/preview/:pending/changes.csv",
        zValidator("param", z.object({ pending: pendingId })),
        async (c) => {
          const db = c.get("db");
          const id = c.req.valid("param").pending;
          const pending = await loadPendingUpload(db, c.get("user").id, id, c.get("now")());
          if (pending?.kind !== "staff") throw gonePreview();
          const report = await runImport(
            c,
            "staff",
            { fileName: pending.fileName },
            pending.asOf ?? stockholmDate(c.get("now")()),
            true,
            pending.id,
          );
          if (report.kind !== "staff") throw gonePreview();
          // A list of people's data leaving the app: logged like any staff export.
          await logAccess(
            db,
            {
              userId: c.get("user").id,
              kind: "staff_export",
              unitId: null,
              asOf: report.asOf,
              count: report.changes.length,
              personId: null,
              detail: `Förhandsgranskning: ${pending.fileName}`.slice(0, 100),
              ip: c.get("clientIp"),
            },
            c.get("now")(),
          );
          const fileName = `andringar-${report.asOf}.csv`;
          return c.body(staffChangesCsv(report.changes), 200, {
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": attachment(fileName),
            "Cache-Control": "no-store",
          });
        },
      )
      .post("/imports/confirm", zValidator("form", z.object({ pending: pendingId })), async (c) => {
        const pending = await loadPendingUpload(
          c.get("db"),
          c.get("user").id,
          c.req.valid("form").pending,
          c.get("now")(),
        );
        if (!pending) throw gonePreview();
        const { parsed: _, ...report } = await runImport(
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
      })
      .post("/imports/cancel", zValidator("form", z.object({ pending: pendingId })), async (c) => {
        await cancelPendingUpload(c.get("db"), c.get("user").id, c.req.valid("form").pending);
        return importsPage(c, {
          notice: "Importen är avbruten; den uppladdade filen är borttagen.",
        });
      })
      .route("/", undoRoutes)
      .route("/", unmatchedRoutes)
  );
}
