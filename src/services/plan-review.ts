/**
 * The plan's follow-up and the yearly review: activities with the live figures of their
 * linked course (computed by the annual report itself, so the two always agree), the
 * status a target suggests, counts per Område and the review's sentences.
 */
import { asc } from "drizzle-orm";
import { MANDATORY_COURSE_ID } from "../../courses/catalogue";
import type { Db } from "../../db/client";
import { courses, units } from "../../db/schema";
import { type Scope, unitScopeFilter } from "../auth/scope";
import { type NamedUnit, namesOwnUnit } from "../domain/plan-responsible";
import type { PlanStatus } from "../domain/plan-status";
import {
  type PlanSentences,
  type PlanSummary,
  planSentence,
  planSentences,
  reviewParagraph,
  summarisePlan,
} from "../domain/plan-summary";
import { type CourseFigure, figureText, suggestedStatus, targetOf } from "../domain/plan-target";
import { type AnnualReport, computeAnnualReport, getLockedReport } from "./annual-report";
import { listPlanActivities, type PlanActivityRow } from "./plan";

export interface FollowUpActivity extends PlanActivityRow {
  figure: (CourseFigure & { text: string }) | null;
  /** Set when the activity has a target: what the figure says its status should be. */
  suggested: PlanStatus | null;
  /** A chef's own unit is named in Ansvarig. */
  own: boolean;
}

export interface PlanFollowUp {
  year: number;
  activities: FollowUpActivity[];
  summary: PlanSummary;
  sentences: PlanSentences;
}

export interface PlanReview extends PlanFollowUp {
  /** The annual report of the mandatory course, whose sentence goes into the paragraph. */
  annual: AnnualReport;
  /** The locked report's sentence once ledning has locked the year, else the fresh one. */
  trainingSentence: string;
  paragraph: string;
  notDone: FollowUpActivity[];
  partlyDone: FollowUpActivity[];
}

/** Counts and the sentence only (the CLI's `plan summary`). */
export async function planSummaryOf(db: Db, year: number) {
  const summary = summarisePlan(await listPlanActivities(db, year));
  return { summary, sentence: planSentence(year, summary) };
}

async function unitsInScope(db: Db, scope: Scope): Promise<NamedUnit[]> {
  return db
    .select({ code: units.code, name: units.name })
    .from(units)
    .where(unitScopeFilter(scope, units.path));
}

/**
 * One annual report per linked course (the mandatory one also feeds the review's
 * sentence), computed for the viewer's scope like the report page they would open.
 */
async function annualReports(
  db: Db,
  scope: Scope,
  year: number,
  courseIds: readonly string[],
): Promise<Map<string, AnnualReport>> {
  const ids = [...new Set(courseIds)];
  const reports = await Promise.all(
    ids.map((courseId) => computeAnnualReport(db, scope, { year, courseId })),
  );
  return new Map(ids.map((id, i) => [id, reports[i]!]));
}

export async function planFollowUp(
  db: Db,
  scope: Scope,
  q: { year: number; today: string; highlightOwn: boolean; withMandatory?: boolean },
): Promise<PlanFollowUp & { reports: Map<string, AnnualReport> }> {
  const [activities, titles, own] = await Promise.all([
    listPlanActivities(db, q.year),
    db.select({ id: courses.id, title: courses.title }).from(courses).orderBy(asc(courses.id)),
    q.highlightOwn ? unitsInScope(db, scope) : Promise.resolve([]),
  ]);
  const linked = activities.flatMap((a) => (a.courseId ? [a.courseId] : []));
  const reports = await annualReports(db, scope, q.year, [
    ...linked,
    ...(q.withMandatory ? [MANDATORY_COURSE_ID] : []),
  ]);
  const titleOf = new Map(titles.map((t) => [t.id, t.title]));
  const rows = activities.map((a): FollowUpActivity => {
    const report = a.courseId ? reports.get(a.courseId) : undefined;
    const figure = report
      ? {
          courseId: report.course,
          courseTitle: titleOf.get(report.course) ?? report.course,
          asOf: report.asOf,
          reached: report.reached,
          headcount: report.headcount,
        }
      : null;
    const target = targetOf(a.targetPercent, a.targetDate, q.year);
    return {
      ...a,
      figure: figure ? { ...figure, text: figureText(figure) } : null,
      suggested: figure && target ? suggestedStatus(figure, target, q.today) : null,
      own: q.highlightOwn && namesOwnUnit(a.responsible, own),
    };
  });
  const summary = summarisePlan(rows);
  return {
    year: q.year,
    activities: rows,
    summary,
    sentences: planSentences(q.year, summary),
    reports,
  };
}

export async function planReview(
  db: Db,
  scope: Scope,
  q: { year: number; today: string },
): Promise<PlanReview> {
  const [{ reports, ...followUp }, locked] = await Promise.all([
    planFollowUp(db, scope, { ...q, highlightOwn: false, withMandatory: true }),
    // Like the annual report page: the lock is about the whole organisation's figure.
    scope.kind === "all" ? getLockedReport(db, q.year) : Promise.resolve(null),
  ]);
  const annual = reports.get(MANDATORY_COURSE_ID)!;
  const trainingSentence = locked?.sentence ?? annual.sentence;
  return {
    ...followUp,
    annual,
    trainingSentence,
    paragraph: reviewParagraph(followUp.sentences, trainingSentence),
    notDone: followUp.activities.filter((a) => a.status === "Ej genomförd"),
    partlyDone: followUp.activities.filter((a) => a.status === "Delvis genomförd"),
  };
}
