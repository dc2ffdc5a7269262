/**
 * Each course's requirement rules, for admin/hr: listed in words, added and removed one at a
 * time (audited). A file replaces a course's whole rule set (target-imports/requirements.ts).
 * The catalogue's defaults are seeded elsewhere (services/courses.ts).
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { type Course, courses, type FunctionLevel, requirementRules, units } from "../../db/schema";
import { ruleInWords } from "../domain/requirement-words";
import { UserError } from "../domain/user-error";
import { audit } from "./audit";

export interface CourseRuleCount {
  id: string;
  title: string;
  kind: Course["kind"];
  rules: number;
  /** The only rule is "everyone". */
  everyone: boolean;
}

export async function courseRuleCounts(db: Db): Promise<CourseRuleCount[]> {
  const rows = await db.all<{
    id: string;
    title: string;
    kind: Course["kind"];
    rules: number;
    everyone: number;
  }>(sql`
    SELECT c.id, c.title, c.kind, COUNT(r.id) AS rules,
      SUM(r.unit_id IS NULL AND r.function_level IS NULL AND r.tag IS NULL AND r.title_pattern IS NULL) AS everyone
    FROM courses c LEFT JOIN requirement_rules r ON r.course_id = c.id
    WHERE c.active = 1 GROUP BY c.id ORDER BY c.kind DESC, c.title`);
  return rows.map((r) => ({ ...r, rules: Number(r.rules), everyone: Number(r.everyone ?? 0) > 0 }));
}

export interface RuleView {
  id: number;
  words: string;
  fromImport: number | null;
}

export async function courseById(db: DbOrTx, id: string): Promise<Course | null> {
  const [row] = await db.select().from(courses).where(eq(courses.id, id));
  return row ?? null;
}

/** A course's rules in words, oldest first. */
export async function listCourseRules(db: DbOrTx, courseId: string): Promise<RuleView[]> {
  const rows = await db
    .select({ rule: requirementRules, unitName: units.name })
    .from(requirementRules)
    .leftJoin(units, eq(units.id, requirementRules.unitId))
    .where(eq(requirementRules.courseId, courseId))
    .orderBy(asc(requirementRules.id));
  return rows.map(({ rule, unitName }) => ({
    id: rule.id,
    words: ruleInWords({ ...rule, unitName: unitName ?? null }),
    fromImport: rule.importId,
  }));
}

export interface NewRule {
  unitId: number | null;
  functionLevel: FunctionLevel | null;
  tag: string | null;
  titlePattern: string | null;
  deadline: string | null;
  daysAfterStart: number | null;
}

type Who = { userId: number; ip: string | null };

export async function addCourseRule(
  db: Db,
  courseId: string,
  rule: NewRule,
  who: Who,
): Promise<void> {
  if (rule.deadline !== null && rule.daysAfterStart !== null)
    throw new UserError(
      "Ange antingen ett datum eller ett antal dagar efter anställningens start, inte båda.",
    );
  await db.transaction(async (tx) => {
    const course = await courseById(tx, courseId);
    if (!course) throw new UserError("Kursen finns inte.", 404);
    let unitName: string | null = null;
    if (rule.unitId !== null) {
      const [u] = await tx
        .select({ name: units.name })
        .from(units)
        .where(eq(units.id, rule.unitId));
      if (!u) throw new UserError("Enheten finns inte.");
      unitName = u.name;
    }
    await tx.insert(requirementRules).values({ courseId, ...rule });
    await audit(tx, {
      userId: who.userId,
      action: "requirements.changed",
      target: `course:${courseId}`,
      detail: { added: ruleInWords({ ...rule, unitName }) },
      ip: who.ip,
    });
  });
}

export async function removeCourseRule(
  db: Db,
  courseId: string,
  ruleId: number,
  who: Who,
): Promise<void> {
  await db.transaction(async (tx) => {
    const words = (await listCourseRules(tx, courseId)).find((r) => r.id === ruleId)?.words;
    if (!words) throw new UserError("Regeln finns inte (längre).", 404);
    await tx
      .delete(requirementRules)
      .where(and(eq(requirementRules.id, ruleId), eq(requirementRules.courseId, courseId)));
    await audit(tx, {
      userId: who.userId,
      action: "requirements.changed",
      target: `course:${courseId}`,
      detail: { removed: words },
      ip: who.ip,
    });
  });
}
