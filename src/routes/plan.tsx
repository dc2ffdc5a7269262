/**
 * The action plan: /handlingsplan/:year (follow-up per Område; admin and ledning edit,
 * hr and chef read), its activities, import and copy to next year. The yearly review is
 * in plan-review.tsx.
 */
import { zValidator } from "@hono/zod-validator";
import { type Context, Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { ImportFileError } from "../../imports/read/types";
import { PlanPage } from "../../views/pages/plan";
import { PlanActivityPage } from "../../views/pages/plan-activity";
import { planUrls } from "../../views/plan-urls";
import { CAN, requireRole } from "../auth/roles";
import { stockholmDate } from "../domain/dates";
import type { AppEnv, SignedInEnv } from "../env";
import { listCourses } from "../services/courses";
import {
  copyPlanToNextYear,
  createPlanActivity,
  deletePlanActivity,
  getPlanActivity,
  listPlanYears,
  updatePlanActivity,
} from "../services/plan";
import { importPlan } from "../services/plan-import";
import { planFollowUp } from "../services/plan-review";
import { activityForm, asApp, firstMessage, uploadForm, yearParam } from "./plan-forms";
import { planReviewRoutes } from "./plan-review";
import { page } from "./render";
import { uploadBodyLimit } from "./upload-limit";

type C = Context<SignedInEnv>;

function idParam(raw: string | undefined): number {
  if (!raw || !/^\d{1,9}$/.test(raw))
    throw new HTTPException(404, { message: "Aktiviteten finns inte." });
  return Number(raw);
}

const today = (c: C) => stockholmDate(c.get("now")());
const who = (c: C) => ({ userId: c.get("user").id, ip: c.get("clientIp"), now: c.get("now")() });
const canEdit = (c: C) => (CAN.editPlan as readonly string[]).includes(c.get("user").role);

type Message = { kind: "ok" | "error"; text: string; details?: string[] };

function flash(c: C): Message | null {
  const q = c.req.query();
  if (q.meddelande === "importerad")
    return {
      kind: "ok",
      text: `Importen är klar: ${q.nya ?? 0} nya och ${q.andrade ?? 0} ändrade aktiviteter.`,
    };
  if (q.meddelande === "kopierad")
    return {
      kind: "ok",
      text: `${q.antal ?? 0} öppna aktiviteter kopierades från ${q.fran}; ${q.hoppade ?? 0} fanns redan här.`,
    };
  if (q.meddelande === "sparad") return { kind: "ok", text: "Aktiviteten är sparad." };
  if (q.meddelande === "borttagen") return { kind: "ok", text: "Aktiviteten är borttagen." };
  return null;
}

async function planPage(c: C, year: number, message: Message | null, status: 400 | 200 = 200) {
  const user = c.get("user");
  const [followUp, years] = await Promise.all([
    planFollowUp(c.get("db"), c.get("scope"), {
      year,
      today: today(c),
      highlightOwn: user.role === "chef",
    }),
    listPlanYears(c.get("db")),
  ]);
  return page(
    c,
    `Handlingsplan ${year}`,
    <PlanPage
      followUp={followUp}
      years={years}
      canEdit={canEdit(c)}
      isChef={user.role === "chef"}
      message={message}
    />,
    status,
  );
}

async function activityPage(c: C, year: number, id: number | null, error: string | null) {
  const db = c.get("db");
  const activity = id === null ? null : await getPlanActivity(db, year, id);
  if (id !== null && !activity)
    throw new HTTPException(404, { message: "Aktiviteten finns inte." });
  const courses = await listCourses(db);
  return page(
    c,
    activity ? "Ändra aktivitet" : "Ny aktivitet",
    <PlanActivityPage year={year} activity={activity} courses={courses} error={error} />,
    error ? 400 : 200,
  );
}

const validActivity = zValidator("form", activityForm, async (result, c) => {
  if (result.success) return;
  const ctx = asApp(c);
  const year = yearParam(ctx.req.param("year"));
  const id = ctx.req.param("id");
  return activityPage(ctx, year, id ? idParam(id) : null, firstMessage(result.error));
});

async function knownCourse(c: C, courseId: string | null): Promise<boolean> {
  if (courseId === null) return true;
  return (await listCourses(c.get("db"))).some((x) => x.id === courseId);
}

export const planRoutes = new Hono<AppEnv>()
  .get("/handlingsplan", requireRole(...CAN.viewReports), async (c) => {
    const [latest] = await listPlanYears(c.get("db"));
    return c.redirect(planUrls.plan(latest?.year ?? Number(today(c).slice(0, 4))), 302);
  })
  .get("/handlingsplan/:year", requireRole(...CAN.viewReports), (c) =>
    planPage(c, yearParam(c.req.param("year")), flash(c)),
  )
  .get("/handlingsplan/:year/aktivitet/ny", requireRole(...CAN.editPlan), (c) =>
    activityPage(c, yearParam(c.req.param("year")), null, null),
  )
  .post(
    "/handlingsplan/:year/aktivitet",
    requireRole(...CAN.editPlan),
    validActivity,
    async (c) => {
      const year = yearParam(c.req.param("year"));
      const form = c.req.valid("form");
      if (!(await knownCourse(c, form.courseId)))
        return activityPage(c, year, null, "Utbildningen finns inte.");
      await createPlanActivity(c.get("db"), year, form, who(c));
      return c.redirect(`${planUrls.plan(year)}?meddelande=sparad`, 303);
    },
  )
  .get("/handlingsplan/:year/aktivitet/:id", requireRole(...CAN.editPlan), (c) =>
    activityPage(c, yearParam(c.req.param("year")), idParam(c.req.param("id")), null),
  )
  .post(
    "/handlingsplan/:year/aktivitet/:id",
    requireRole(...CAN.editPlan),
    validActivity,
    async (c) => {
      const year = yearParam(c.req.param("year"));
      const id = idParam(c.req.param("id"));
      if (!(await getPlanActivity(c.get("db"), year, id)))
        throw new HTTPException(404, { message: "Aktiviteten finns inte." });
      const form = c.req.valid("form");
      if (!(await knownCourse(c, form.courseId)))
        return activityPage(c, year, id, "Utbildningen finns inte.");
      await updatePlanActivity(c.get("db"), id, form, who(c));
      return c.redirect(`${planUrls.plan(year)}?meddelande=sparad`, 303);
    },
  )
  .post("/handlingsplan/:year/aktivitet/:id/ta-bort", requireRole(...CAN.editPlan), async (c) => {
    const year = yearParam(c.req.param("year"));
    const id = idParam(c.req.param("id"));
    if (!(await getPlanActivity(c.get("db"), year, id)))
      throw new HTTPException(404, { message: "Aktiviteten finns inte." });
    await deletePlanActivity(c.get("db"), id, who(c));
    return c.redirect(`${planUrls.plan(year)}?meddelande=borttagen`, 303);
  })
  .post(
    "/handlingsplan/:year/import",
    uploadBodyLimit,
    requireRole(...CAN.editPlan),
    zValidator("form", uploadForm, (result, c) => {
      if (result.success) return;
      const ctx = asApp(c);
      return planPage(
        ctx,
        yearParam(ctx.req.param("year")),
        { kind: "error", text: firstMessage(result.error) },
        400,
      );
    }),
    async (c) => {
      const year = yearParam(c.req.param("year"));
      const { file } = c.req.valid("form");
      try {
        const r = await importPlan(c.get("db"), {
          bytes: new Uint8Array(await file.arrayBuffer()),
          fileName: file.name,
          year,
          dryRun: false,
          limits: c.get("readLimits"),
          ...who(c),
        });
        if (r.errors.length > 0) {
          return planPage(
            c,
            year,
            {
              kind: "error",
              text: `Filen har ${r.errors.length} fel och importerades inte.`,
              details: r.errors.map((e) => e.message),
            },
            400,
          );
        }
        return c.redirect(
          `${planUrls.plan(year)}?meddelande=importerad&nya=${r.created}&andrade=${r.updated}`,
          303,
        );
      } catch (err) {
        if (err instanceof ImportFileError)
          return planPage(c, year, { kind: "error", text: err.message }, 400);
        throw err;
      }
    },
  )
  .post("/handlingsplan/:year/kopiera", requireRole(...CAN.editPlan), async (c) => {
    const year = yearParam(c.req.param("year"));
    const r = await copyPlanToNextYear(c.get("db"), year, who(c));
    return c.redirect(
      `${planUrls.plan(year + 1)}?meddelande=kopierad&fran=${year}&antal=${r.copied}&hoppade=${r.skipped}`,
      303,
    );
  })
  .route("/", planReviewRoutes);
