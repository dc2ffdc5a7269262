/**
 * Kurskrav: a file states the complete rule set of every course it names and replaces that
 * course's rules (courses it does not name keep theirs). A course whose rules already are
 * exactly the file's is left alone. Undo brings the replaced rules back.
 */
import type { DbOrTx, Tx } from "../../../db/client";
import { courses, type RequirementRule, requirementRules, units } from "../../../db/schema";
import {
  parseRequirementRows,
  REQUIREMENT_EXAMPLE,
  type RequirementRows,
} from "../../../imports/requirement-rows";
import { rowError, tagKey } from "../../../imports/target-columns";
import { ruleInWords } from "../../domain/requirement-words";
import { courseTitleIndex, matchCourse } from "../../domain/titles";
import { lookupUnit, unitIndex } from "../../domain/unit-lookup";
import type { Effect } from "../imports/record";
import { deleteRecorded, insertedEffects } from "./effects";
import type { TargetKindSpec, TargetPlan } from "./kind";

type RuleValues = Pick<
  RequirementRule,
  "unitId" | "functionLevel" | "tag" | "titlePattern" | "deadline" | "daysAfterStart"
>;

interface CourseReplacement {
  courseId: string;
  remove: RequirementRule[];
  add: RuleValues[];
}

export interface RequirementPlan extends TargetPlan {
  replacements: CourseReplacement[];
}

/** Two rules are the same when every condition and the deadline are (tags and patterns any case). */
const ruleKey = (r: RuleValues) =>
  JSON.stringify([
    r.unitId,
    r.functionLevel,
    r.tag === null ? null : tagKey(r.tag),
    r.titlePattern?.toLocaleLowerCase("sv") ?? null,
    r.deadline,
    r.daysAfterStart,
  ]);

async function planRequirements(db: DbOrTx, parsed: RequirementRows): Promise<RequirementPlan> {
  const [catalogue, allUnits, existing] = await Promise.all([
    db.select().from(courses),
    db.select({ id: units.id, code: units.code, name: units.name }).from(units),
    db.select().from(requirementRules),
  ]);
  const titles = courseTitleIndex(catalogue);
  const index = unitIndex(allUnits);
  const unitName = new Map(allUnits.map((u) => [u.id, u.name]));
  const plan: RequirementPlan = {
    errors: [],
    counts: {},
    details: [],
    empty: true,
    replacements: [],
  };
  const wanted = new Map<string, Map<string, RuleValues>>();
  for (const row of parsed.rows) {
    const courseId = matchCourse(titles, row.course);
    if (!courseId) {
      plan.errors.push(
        rowError(
          parsed.labels,
          row.row,
          "course",
          `'${row.course}' finns inte i kurskatalogen. Skriv kursens id eller titel: ${catalogue.map((c) => `${c.id} (${c.title})`).join(", ")}.`,
        ),
      );
      continue;
    }
    let unitId: number | null = null;
    if (row.unit !== "" || row.unitCode !== "") {
      const found = lookupUnit(index, row.unit, row.unitCode);
      if (!("unit" in found)) {
        plan.errors.push(rowError(parsed.labels, row.row, found.field, found.message));
        continue;
      }
      unitId = found.unit.id;
    }
    const rule: RuleValues = {
      unitId,
      functionLevel: row.functionLevel,
      tag: row.tag,
      titlePattern: row.titlePattern,
      deadline: row.deadline,
      daysAfterStart: row.daysAfterStart,
    };
    const set = wanted.get(courseId) ?? new Map<string, RuleValues>();
    wanted.set(courseId, set);
    set.set(ruleKey(rule), rule); // the same rule twice is one rule
  }
  let rules = 0;
  let removed = 0;
  for (const [courseId, set] of wanted) {
    const current = existing.filter((r) => r.courseId === courseId);
    const same = current.length === set.size && current.every((r) => set.has(ruleKey(r)));
    const title = catalogue.find((c) => c.id === courseId)?.title ?? courseId;
    if (same) {
      plan.details.push(`${title}: reglerna är redan desamma (${set.size}).`);
      continue;
    }
    const add = [...set.values()];
    plan.replacements.push({ courseId, remove: current, add });
    rules += add.length;
    removed += current.length;
    const words = add.map((r) =>
      ruleInWords({ ...r, unitName: r.unitId === null ? null : (unitName.get(r.unitId) ?? null) }),
    );
    plan.details.push(
      `${title}: ${current.length} ${current.length === 1 ? "regel ersätts" : "regler ersätts"} av ${add.length}: ${words.join("; ")}`,
    );
  }
  plan.counts = { courses: plan.replacements.length, rules, removed };
  plan.empty = plan.replacements.length === 0;
  return plan;
}

async function applyRequirements(
  tx: Tx,
  plan: RequirementPlan,
  importId: number,
): Promise<Effect[]> {
  const effects: Effect[] = [];
  for (const r of plan.replacements) {
    effects.push(...(await deleteRecorded(tx, importId, "requirement_rules", r.remove)));
    const added = await tx
      .insert(requirementRules)
      .values(r.add.map((rule) => ({ ...rule, courseId: r.courseId, importId })))
      .returning({ id: requirementRules.id });
    effects.push(...insertedEffects(importId, "requirement_rules", added));
  }
  return effects;
}

export const REQUIREMENTS: TargetKindSpec<RequirementRows, RequirementPlan> = {
  kind: "requirements",
  what: "fil med kurskrav",
  example: REQUIREMENT_EXAMPLE,
  parse: parseRequirementRows,
  plan: planRequirements,
  apply: (tx, plan, ctx) => applyRequirements(tx, plan, ctx.importId),
};
