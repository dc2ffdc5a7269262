/**
 * The yearly action plans (handlingsplaner): their activities, edits by admin and ledning,
 * and the copy of a plan's open activities to the next year. Every change is audited.
 */
import { and, asc, count, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db, DbOrTx } from "../../db/client";
import { courses, type PlanActivity, planActivities } from "../../db/schema";
import type { PlanArea } from "../domain/plan-areas";
import { carryOver } from "../domain/plan-carry";
import type { PlanStatus } from "../domain/plan-status";
import { audit } from "./audit";

export interface PlanActivityRow extends PlanActivity {
  area: PlanArea;
  status: PlanStatus;
  courseTitle: string | null;
  /** The earlier plan's activity this one was copied from (null if deleted since). */
  carriedFrom: { status: PlanStatus; comment: string | null } | null;
}

const earlier = alias(planActivities, "earlier");

export async function listPlanActivities(db: DbOrTx, year: number): Promise<PlanActivityRow[]> {
  const rows = await db
    .select({
      activity: planActivities,
      courseTitle: courses.title,
      fromStatus: earlier.status,
      fromComment: earlier.comment,
    })
    .from(planActivities)
    .leftJoin(courses, eq(courses.id, planActivities.courseId))
    .leftJoin(earlier, eq(earlier.id, planActivities.carriedFromId))
    .where(eq(planActivities.year, year))
    .orderBy(asc(planActivities.position), asc(planActivities.id));
  return rows.map((r) => ({
    ...r.activity,
    courseTitle: r.courseTitle,
    carriedFrom: r.fromStatus ? { status: r.fromStatus, comment: r.fromComment } : null,
  }));
}

/** Years that have a plan, newest first, with their number of activities. */
export async function listPlanYears(db: Db): Promise<Array<{ year: number; activities: number }>> {
  return db
    .select({ year: planActivities.year, activities: count() })
    .from(planActivities)
    .groupBy(planActivities.year)
    .orderBy(sql`${planActivities.year} DESC`);
}

export async function getPlanActivity(
  db: Db,
  year: number,
  id: number,
): Promise<PlanActivity | null> {
  const [row] = await db
    .select()
    .from(planActivities)
    .where(and(eq(planActivities.id, id), eq(planActivities.year, year)))
    .limit(1);
  return row ?? null;
}

/** What a form may set on an activity. */
export interface ActivityFields {
  area: PlanArea;
  activity: string;
  responsible: string | null;
  otherActors: string | null;
  timeline: string | null;
  status: PlanStatus;
  comment: string | null;
  courseId: string | null;
  targetPercent: number | null;
  targetDate: string | null;
}

interface Who {
  userId: number | null;
  ip: string | null;
  now: Date;
}

export async function createPlanActivity(
  db: Db,
  year: number,
  fields: ActivityFields,
  who: Who,
): Promise<number> {
  return db.transaction(async (tx) => {
    const [last] = await tx
      .select({ n: sql<number>`COALESCE(MAX(${planActivities.position}) + 1, 0)` })
      .from(planActivities)
      .where(eq(planActivities.year, year));
    const [row] = await tx
      .insert(planActivities)
      .values({ year, ...fields, position: last?.n ?? 0, updatedAt: who.now.toISOString() })
      .returning({ id: planActivities.id });
    await audit(tx, changed(who, row!.id, { year, created: fields.activity }));
    return row!.id;
  });
}

export async function updatePlanActivity(
  db: Db,
  id: number,
  fields: ActivityFields,
  who: Who,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(planActivities)
      .set({ ...fields, updatedAt: who.now.toISOString() })
      .where(eq(planActivities.id, id));
    await audit(tx, changed(who, id, { status: fields.status, courseId: fields.courseId }));
  });
}

export async function deletePlanActivity(db: Db, id: number, who: Who): Promise<void> {
  await db.transaction(async (tx) => {
    // Copies keep their carried_from_year; the link itself must not dangle.
    await tx
      .update(planActivities)
      .set({ carriedFromId: null })
      .where(eq(planActivities.carriedFromId, id));
    await tx.delete(planActivities).where(eq(planActivities.id, id));
    await audit(tx, changed(who, id, { deleted: true }));
  });
}

function changed(who: Who, id: number, detail: Record<string, unknown>) {
  return {
    userId: who.userId,
    action: "plan.changed" as const,
    target: `plan_activity:${id}`,
    detail,
    ip: who.ip,
  };
}

/** Copies the open activities of `year` into `year + 1`; copying again adds nothing. */
export async function copyPlanToNextYear(
  db: Db,
  year: number,
  who: Who,
): Promise<{ copied: number; skipped: number; done: number }> {
  return db.transaction(async (tx) => {
    const [from, existing] = await Promise.all([
      listPlanActivities(tx, year),
      listPlanActivities(tx, year + 1),
    ]);
    const { copies, skipped } = carryOver(from, year + 1, existing);
    const stamp = who.now.toISOString();
    if (copies.length > 0) {
      await tx.insert(planActivities).values(copies.map((c) => ({ ...c, updatedAt: stamp })));
    }
    const done = from.filter((a) => a.status === "Genomförd").length;
    await audit(tx, {
      userId: who.userId,
      action: "plan.copied",
      target: `plan:${year + 1}`,
      detail: { from: year, copied: copies.length, skipped, done },
      ip: who.ip,
    });
    return { copied: copies.length, skipped, done };
  });
}
