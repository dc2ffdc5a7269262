/** Exemptions (admin/hr): list with filters, add, end, remove — every change audited. */
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import * as z from "zod";
import { ExemptionsPage } from "../../views/pages/targets/exemptions";
import { CAN, requireRole } from "../auth/roles";
import { isIsoDate, stockholmDate } from "../domain/dates";
import { UserError } from "../domain/user-error";
import type { AppEnv } from "../env";
import { listCourses } from "../services/courses";
import {
  addExemption,
  endExemption,
  listExemptions,
  removeExemption,
} from "../services/exemptions";
import { idParam, validParam } from "./params";
import { page } from "./render";

const isoDate = z.string().refine(isIsoDate);
const filterQuery = z.object({
  person: z.string().max(100).optional(),
  kurs: z.string().max(60).optional(),
  aktiva: z.literal("1").optional(),
  import: z.string().regex(/^\d+$/).optional(),
  sparat: z.string().optional(),
});
const addForm = z.object({
  person: z.string().trim().min(1).max(100),
  courseId: z.string().max(60).default(""),
  fromDate: isoDate,
  toDate: z
    .string()
    .refine((v) => v === "" || isIsoDate(v))
    .default(""),
  reason: z.string().trim().min(1).max(300),
});

export function targetExemptionRoutes(limitLabel: string) {
  return new Hono<AppEnv>()
    .use("/malgrupper/undantag", requireRole(...CAN.importFiles))
    .use("/malgrupper/undantag/*", requireRole(...CAN.importFiles))
    .get("/malgrupper/undantag", zValidator("query", filterQuery), async (c) => {
      const q = c.req.valid("query");
      const today = stockholmDate(c.get("now")());
      const filter = {
        ...(q.person ? { person: q.person } : {}),
        ...(q.kurs ? { course: q.kurs } : {}),
        ...(q.aktiva ? { activeOn: today } : {}),
      };
      const db = c.get("db");
      const [items, courses] = await Promise.all([listExemptions(db, filter), listCourses(db)]);
      const notice = q.import
        ? `Importen är sparad (nr ${q.import}). Den kan ångras under Importera.`
        : q.sparat
          ? "Sparat."
          : null;
      return page(
        c,
        "Undantag",
        <ExemptionsPage
          items={items}
          filter={filter}
          courses={courses.filter((x) => x.active)}
          today={today}
          notice={notice}
          limitLabel={limitLabel}
        />,
      );
    })
    .post(
      "/malgrupper/undantag",
      zValidator("form", addForm, (r) => {
        if (!r.success) throw new UserError("Fyll i person, från-datum (ÅÅÅÅ-MM-DD) och orsak.");
      }),
      async (c) => {
        const f = c.req.valid("form");
        await addExemption(
          c.get("db"),
          {
            person: f.person,
            courseId: f.courseId || null,
            fromDate: f.fromDate,
            toDate: f.toDate || null,
            reason: f.reason,
          },
          { userId: c.get("user").id, ip: c.get("clientIp") },
        );
        return c.redirect("/malgrupper/undantag?sparat=1", 303);
      },
    )
    .post(
      "/malgrupper/undantag/:id/avsluta",
      validParam(idParam, "Undantaget finns inte."),
      zValidator("form", z.object({ toDate: isoDate }), (r) => {
        if (!r.success) throw new UserError("Ange undantagets sista dag som ÅÅÅÅ-MM-DD.");
      }),
      async (c) => {
        await endExemption(c.get("db"), c.req.valid("param").id, c.req.valid("form").toDate, {
          userId: c.get("user").id,
          ip: c.get("clientIp"),
        });
        return c.redirect("/malgrupper/undantag?sparat=1", 303);
      },
    )
    .post(
      "/malgrupper/undantag/:id/ta-bort",
      validParam(idParam, "Undantaget finns inte."),
      async (c) => {
        await removeExemption(c.get("db"), c.req.valid("param").id, {
          userId: c.get("user").id,
          ip: c.get("clientIp"),
        });
        return c.redirect("/malgrupper/undantag?sparat=1", 303);
      },
    );
}
