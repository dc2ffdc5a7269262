/**
 * Who must take a course on a date (DESIGN.md, "Target groups and exemptions"). Derived from
 * the employments covering the date and the course's rules — never stored per person — so a
 * move, a new rule or a correction applies to every past date alike.
 *
 * - A rule matches a post when every condition it sets holds: unit subtree, funktionsnivå
 *   (inherited, see unit-attributes.ts), tag (on the unit or an ancestor), befattning pattern.
 *   A rule without conditions is "everyone".
 * - Deadline: the rule's fixed date, or N days after the start of the employment that brought
 *   the person into the rule's group. When several rules match, the earliest deadline counts.
 * - An exemption for the course (or for all courses) whose period covers the date excludes
 *   the person from the target group; the figures count them as exempt instead.
 */
import type { FunctionLevel } from "../../db/schema";
import { addDays } from "./dates";
import { titleMatcher } from "./title-pattern";
import { foldTag, type ResolvedUnitAttributes } from "./unit-attributes";

export interface RequirementRuleFacts {
  id: number;
  /** The rule's unit path (its whole subtree), or null for any unit. */
  unitPath: string | null;
  functionLevel: FunctionLevel | null;
  tag: string | null;
  titlePattern: string | null;
  deadline: string | null;
  daysAfterStart: number | null;
}

export interface ExemptionFacts {
  id: number;
  personId: number;
  /** null = every course. */
  courseId: string | null;
  fromDate: string;
  /** Inclusive; null = until further notice. */
  toDate: string | null;
  reason: string;
}

/** One employment period, as much of it as the rules look at. */
export interface PostFacts {
  personId: number;
  unitId: number;
  unitPath: string;
  title?: string | null;
  validFrom: string;
  validTo: string | null;
}

/** Everything needed to answer "required? by when? exempt?" for one course, built once. */
export interface TargetGroup {
  courseId: string;
  rules: readonly CompiledRule[];
  units: ReadonlyMap<number, ResolvedUnitAttributes>;
  exemptions: ReadonlyMap<number, readonly ExemptionFacts[]>;
  /** Every known period per person (for a hire-relative deadline's start), by validFrom. */
  posts: ReadonlyMap<number, readonly PostFacts[]>;
}

interface CompiledRule extends RequirementRuleFacts {
  matchesTitle: (title: string | null) => boolean;
  foldedTag: string | null;
}

export function buildTargetGroup(input: {
  courseId: string;
  rules: readonly RequirementRuleFacts[];
  units: ReadonlyMap<number, ResolvedUnitAttributes>;
  exemptions: readonly ExemptionFacts[];
  posts: readonly PostFacts[];
}): TargetGroup {
  const exemptions = new Map<number, ExemptionFacts[]>();
  for (const e of input.exemptions) {
    if (e.courseId !== null && e.courseId !== input.courseId) continue;
    exemptions.set(e.personId, [...(exemptions.get(e.personId) ?? []), e]);
  }
  for (const list of exemptions.values()) list.sort((a, b) => cmp(a.fromDate, b.fromDate));
  const posts = new Map<number, PostFacts[]>();
  for (const p of input.posts) posts.set(p.personId, [...(posts.get(p.personId) ?? []), p]);
  for (const list of posts.values()) list.sort((a, b) => cmp(a.validFrom, b.validFrom));
  return {
    courseId: input.courseId,
    rules: input.rules.map((r) => ({
      ...r,
      matchesTitle: r.titlePattern === null ? () => true : titleMatcher(r.titlePattern),
      foldedTag: r.tag === null ? null : foldTag(r.tag),
    })),
    units: input.units,
    exemptions,
    posts,
  };
}

/** True when the group is "everyone, no deadline, nobody exempt": today's figures exactly. */
export function isEveryoneWithoutExceptions(group: TargetGroup): boolean {
  return (
    group.exemptions.size === 0 &&
    group.rules.some((r) => isEveryone(r) && r.deadline === null && r.daysAfterStart === null)
  );
}

function isEveryone(r: RequirementRuleFacts): boolean {
  return (
    r.unitPath === null && r.functionLevel === null && r.tag === null && r.titlePattern === null
  );
}

export function ruleMatches(group: TargetGroup, rule: CompiledRule, post: PostFacts): boolean {
  if (rule.unitPath !== null && !post.unitPath.startsWith(rule.unitPath)) return false;
  if (rule.functionLevel !== null || rule.foldedTag !== null) {
    const unit = group.units.get(post.unitId);
    if (rule.functionLevel !== null && unit?.functionLevel !== rule.functionLevel) return false;
    if (rule.foldedTag !== null && !unit?.tags.has(rule.foldedTag)) return false;
  }
  return rule.matchesTitle(post.title ?? null);
}

/**
 * Where the stretch of employment that brought the person into the rule's group began: back
 * through earlier periods that join this one without a gap and match the rule too (a new
 * befattning or a move inside the group does not restart the clock; a gap or a stint outside
 * the group does).
 */
function groupEntryDate(group: TargetGroup, rule: CompiledRule, post: PostFacts): string {
  const earlier = group.posts.get(post.personId) ?? [];
  let start = post.validFrom;
  for (let moved = true; moved; ) {
    moved = false;
    const dayBefore = addDays(start, -1);
    for (const p of earlier) {
      if (p.validFrom >= start || (p.validTo !== null && p.validTo < dayBefore)) continue;
      if (!ruleMatches(group, rule, p)) continue;
      start = p.validFrom;
      moved = true;
    }
  }
  return start;
}

function ruleDeadline(group: TargetGroup, rule: CompiledRule, post: PostFacts): string | null {
  if (rule.deadline !== null) return rule.deadline;
  if (rule.daysAfterStart === null) return null;
  return addDays(groupEntryDate(group, rule, post), rule.daysAfterStart);
}

export interface Requirement {
  required: boolean;
  /** The earliest deadline of the matching rules; null when none sets one. */
  deadline: string | null;
}

/** required(p, c, D) and its deadline, from the person's posts covering D. */
export function requirementOf(group: TargetGroup, postsOnDate: readonly PostFacts[]): Requirement {
  let required = false;
  let deadline: string | null = null;
  for (const post of postsOnDate) {
    for (const rule of group.rules) {
      if (!ruleMatches(group, rule, post)) continue;
      required = true;
      const d = ruleDeadline(group, rule, post);
      if (d !== null && (deadline === null || d < deadline)) deadline = d;
    }
  }
  return { required, deadline };
}

/** exempt(p, c, D): the person's exemption covering D (the earliest-starting one), or null. */
export function exemptionOn(
  group: TargetGroup,
  personId: number,
  date: string,
): ExemptionFacts | null {
  for (const e of group.exemptions.get(personId) ?? []) {
    if (e.fromDate <= date && (e.toDate === null || e.toDate >= date)) return e;
  }
  return null;
}

export type TargetRow<R> = R & { deadline: string | null; exemption: ExemptionFacts | null };

/**
 * The posts covering `date` that put their person in the course's target group, each with the
 * person's deadline and exemption. A person counts in the units of the posts that match a
 * rule (two posts, one in the group: counted under that one only).
 */
export function targetGroupOn<R extends PostFacts>(
  group: TargetGroup,
  rowsOnDate: readonly R[],
  date: string,
): Array<TargetRow<R>> {
  if (isEveryoneWithoutExceptions(group)) {
    return rowsOnDate.map((r) => ({ ...r, deadline: null, exemption: null }));
  }
  const byPerson = new Map<number, R[]>();
  for (const r of rowsOnDate) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);
  const out: Array<TargetRow<R>> = [];
  for (const [personId, rows] of byPerson) {
    const matching = rows.filter((r) => group.rules.some((rule) => ruleMatches(group, rule, r)));
    if (matching.length === 0) continue;
    const { deadline } = requirementOf(group, matching);
    const exemption = exemptionOn(group, personId, date);
    for (const r of matching) out.push({ ...r, deadline, exemption });
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The rows the figures count on `date`: required and not exempt (headcount's group). */
export function countedOn<R extends PostFacts>(
  group: TargetGroup,
  rowsOnDate: readonly R[],
  date: string,
): R[] {
  if (isEveryoneWithoutExceptions(group)) return [...rowsOnDate];
  return targetGroupOn(group, rowsOnDate, date).filter((r) => r.exemption === null);
}
