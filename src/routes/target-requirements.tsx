/** A course's requirement rules (admin/hr): listed in words, add one, remove one (audited). */
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import * as z from "zod";
import { CourseRulesPage } from "../../views/pages/targets/course-rules";
import { CAN, requireRole } from "../auth/roles";
import { ALL_UNITS } from "../auth/scope";
import { isIsoDate } from "../domain/dates";
import { UserError } from "../domain/user-error";
import type { AppEnv } from "../env";
import {
  addCourseRule,
  courseById,
  listCourseRules,
  removeCourseRule,
} from "../services/requirement-rules";
import { unitsInScope } from "../services/units";
import { idParam, validParam } from "./params";
import { page } from "./render";

const courseParam = z.object({ course: z.string().regex(/^[a-z0-9-]{1,60}$/) });
const blankToNull = (v: string) => (v.trim() === "" ? null : v.trim());

const ruleForm = z.object({
  unitId: z
    .string()
    .regex(/^\d{0,9}$/)
    .default(""),
  functionLevel: z.enum(["", "forebyggande", "forhindrande"]).default(""),
  tag: z.string().max(100).default(""),
  titlePattern: z.string().max(200).default(""),
  deadline: z
    .string()
    .refine((v) => v === "" || isIsoDate(v))
    .default(""),
  daysAfterStart: z
    .string()
    .regex(/^\d{0,4}$/)
    .default(""),
});

export const targetRequirementRoutes = new Hono<AppEnv>()
  .use("/malgrupper/kurs/*", requireRole(...CAN.importFiles))
  .get("/malgrupper/kurs/:course", validParam(courseParam, "Kursen finns inte."), async (c) => {
    const db = c.get("db");
    const course = await courseById(db, c.req.valid("param").course);
    if (!course) throw new UserError("Kursen finns inte.", 404);
    const [rules, units] = await Promise.all([
      listCourseRules(db, course.id),
      // The picker offers every unit: rules are for admin/hr, who see the whole organisation.
      unitsInScope(db, ALL_UNITS),
    ]);
    const notice = c.req.query("sparat") ? "Reglerna är sparade." : null;
    return page(
      c,
      `Kurskrav: ${course.title}`,
      <CourseRulesPage course={course} rules={rules} units={units} notice={notice} />,
    );
  })
  .post(
    "/malgrupper/kurs/:course/regler",
    validParam(courseParam, "Kursen finns inte."),
    zValidator("form", ruleForm, (r) => {
      if (!r.success)
        throw new UserError(
          "Regeln kunde inte läsas: kontrollera datum (ÅÅÅÅ-MM-DD) och antal dagar (heltal).",
        );
    }),
    async (c) => {
      const { course } = c.req.valid("param");
      const f = c.req.valid("form");
      await addCourseRule(
        c.get("db"),
        course,
        {
          unitId: f.unitId === "" ? null : Number(f.unitId),
          functionLevel: f.functionLevel === "" ? null : f.functionLevel,
          tag: blankToNull(f.tag),
          titlePattern: blankToNull(f.titlePattern),
          deadline: blankToNull(f.deadline),
          daysAfterStart: f.daysAfterStart === "" ? null : Number(f.daysAfterStart),
        },
        { userId: c.get("user").id, ip: c.get("clientIp") },
      );
      return c.redirect(`/malgrupper/kurs/${encodeURIComponent(course)}?sparat=1`, 303);
    },
  )
  .post(
    "/malgrupper/kurs/:course/regler/:id/ta-bort",
    validParam(courseParam.merge(idParam), "Regeln finns inte."),
    async (c) => {
      const { course, id } = c.req.valid("param");
      await removeCourseRule(c.get("db"), course, id, {
        userId: c.get("user").id,
        ip: c.get("clientIp"),
      });
      return c.redirect(`/malgrupper/kurs/${encodeURIComponent(course)}?sparat=1`, 303);
    },
  );
