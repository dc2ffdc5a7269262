/**
 * Loads one course's target group: its requirement rules, the unit attributes they look at
 * (funktionsnivå, tags) and the exemptions that apply to it. Three small queries whatever the
 * number of people; the matching itself is one pass in memory (src/domain/requirements.ts).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { FunctionLevel } from "../../db/schema";
import type { Scope } from "../auth/scope";
import type { EmploymentFacts } from "../domain/coverage";
import {
  buildTargetGroup,
  type ExemptionFacts,
  type RequirementRuleFacts,
  type TargetGroup,
} from "../domain/requirements";
import { resolveUnitAttributes } from "../domain/unit-attributes";
import { type FactsQuery, loadEmploymentFacts } from "./facts";

export interface CourseTargetGroup {
  rules: RequirementRuleFacts[];
  unitAttributes: ReturnType<typeof resolveUnitAttributes>;
  exemptions: ExemptionFacts[];
}

/** Since whenever: a hire-relative deadline counts from the start of the stretch in the group. */
const ALL_HISTORY = "0001-01-01";

export async function loadCourseTargetGroup(db: Db, courseId: string): Promise<CourseTargetGroup> {
  const [rules, exemptions] = await Promise.all([
    db.all<{
      id: number;
      unit_path: string | null;
      function_level: FunctionLevel | null;
      tag: string | null;
      title_pattern: string | null;
      deadline: string | null;
      days_after_start: number | null;
    }>(sql`
      SELECT r.id, u.path AS unit_path, r.function_level, r.tag, r.title_pattern, r.deadline,
        r.days_after_start
      FROM requirement_rules r LEFT JOIN units u ON u.id = r.unit_id
      WHERE r.course_id = ${courseId} ORDER BY r.id`),
    db.all<{
      id: number;
      person_id: number;
      course_id: string | null;
      from_date: string;
      to_date: string | null;
      reason: string;
    }>(sql`
      SELECT id, person_id, course_id, from_date, to_date, reason FROM exemptions
      WHERE course_id = ${courseId} OR course_id IS NULL`),
  ]);
  const needsUnits = rules.some((r) => r.function_level !== null || r.tag !== null);
  const [units, tags] = needsUnits
    ? await Promise.all([
        db.all<{ id: number; path: string; function_level: FunctionLevel | null }>(
          sql`SELECT id, path, function_level FROM units`,
        ),
        db.all<{ unit_id: number; tag: string }>(sql`SELECT unit_id, tag FROM unit_tags`),
      ])
    : [[], []];
  return {
    rules: rules.map((r) => ({
      id: r.id,
      unitPath: r.unit_path,
      functionLevel: r.function_level,
      tag: r.tag,
      titlePattern: r.title_pattern,
      deadline: r.deadline,
      daysAfterStart: r.days_after_start,
    })),
    unitAttributes: resolveUnitAttributes(
      units.map((u) => ({ id: u.id, path: u.path, functionLevel: u.function_level })),
      tags.map((t) => ({ unitId: t.unit_id, tag: t.tag })),
    ),
    exemptions: exemptions.map((e) => ({
      id: e.id,
      personId: e.person_id,
      courseId: e.course_id,
      fromDate: e.from_date,
      toDate: e.to_date,
      reason: e.reason,
    })),
  };
}

/**
 * The employment facts of a query together with the course's target group. When a rule
 * counts days from the start of employment, earlier periods are loaded too (one more query).
 */
export async function loadCourseFacts(
  db: Db,
  scope: Scope,
  q: FactsQuery,
): Promise<{ facts: EmploymentFacts[]; group: TargetGroup; ruleCount: number }> {
  const [facts, loaded] = await Promise.all([
    loadEmploymentFacts(db, scope, q),
    loadCourseTargetGroup(db, q.courseId),
  ]);
  const history = loaded.rules.some((r) => r.daysAfterStart !== null)
    ? await loadEmploymentFacts(db, scope, { ...q, from: ALL_HISTORY })
    : facts;
  const group = buildTargetGroup({
    courseId: q.courseId,
    rules: loaded.rules,
    units: loaded.unitAttributes,
    exemptions: loaded.exemptions,
    posts: history,
  });
  return { facts, group, ruleCount: loaded.rules.length };
}
