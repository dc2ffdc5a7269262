/**
 * The retention purge (gallring): leavers past the retention period lose their identity,
 * old log entries go, stale upload previews go. A dry run lists the same thing without
 * writing. Employments and course events stay, so every figure — locked annual reports
 * included — computes exactly as before.
 */
import { and, eq, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { type Db, type DbOrTx, isEmbeddedFile } from "../../../db/client";
import {
  accessLog,
  auditLog,
  employments,
  importEffects,
  imports,
  pendingUploads,
  people,
  personLinks,
  unmatched,
} from "../../../db/schema";
import {
  leaverIsDue,
  pseudonymisedIdentity,
  type RetentionCutoffs,
  type RetentionPolicy,
  retentionCutoffs,
  scrubIdentity,
} from "../../domain/retention";
import { audit } from "../audit";
import { PENDING_UPLOAD_MAX_AGE_MS } from "../imports/pending";
import { getRetentionPolicy } from "./retention-settings";
import { truncateWriteAheadLog, zeroDeletedContent } from "./secure-delete";

export interface PurgeCounts {
  people: number;
  personLinks: number;
  unmatchedRows: number;
  importEffects: number;
  auditEntries: number;
  accessEntries: number;
  pendingUploads: number;
}

export interface PurgePlan {
  today: string;
  policy: RetentionPolicy;
  cutoffs: RetentionCutoffs;
  /** The leavers whose identity goes (shown to admin in the dry run). */
  people: Array<{ id: number; employeeNo: string | null; name: string; lastEnded: string }>;
  counts: PurgeCounts;
  dryRun: boolean;
}

async function dueLeavers(db: DbOrTx, cutoffs: RetentionCutoffs) {
  const spans = await db
    .select({
      id: people.id,
      employeeNo: people.employeeNo,
      firstName: people.firstName,
      lastName: people.lastName,
      lastEnded: sql<string | null>`max(${employments.validTo})`,
      open: sql<number>`sum(${employments.validTo} IS NULL)`,
    })
    .from(people)
    .innerJoin(employments, eq(employments.personId, people.id))
    .where(isNull(people.pseudonymisedAt))
    .groupBy(people.id)
    .orderBy(people.id);
  return spans
    .filter((s) => leaverIsDue({ lastEnded: s.lastEnded, current: s.open > 0 }, cutoffs))
    .map((s) => ({
      id: s.id,
      employeeNo: s.employeeNo,
      name: `${s.firstName} ${s.lastName}`.trim(),
      lastEnded: s.lastEnded!,
    }));
}

function chunks(ids: number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += 400) out.push(ids.slice(i, i + 400));
  return out;
}

const unscrubbed = or(
  isNotNull(unmatched.name),
  isNotNull(unmatched.email),
  isNotNull(unmatched.employeeNo),
  sql`${unmatched.raw} <> '{}'`,
);

/** Unmatched rows naming a purged person, or from an import older than the leaver period. */
function unmatchedDue(ids: number[], cutoffs: RetentionCutoffs) {
  const fromOldImport = inArray(
    unmatched.importId,
    sql`(SELECT ${imports.id} FROM ${imports} WHERE ${imports.createdAt} < ${cutoffs.leaverEndedBefore})`,
  );
  const naming =
    ids.length > 0 ? or(inArray(unmatched.personId, ids), fromOldImport) : fromOldImport;
  return and(unscrubbed, naming);
}

/** What the purge removes today (nothing is written). */
export async function planPurge(db: DbOrTx, q: { today: string; now: Date }): Promise<PurgePlan> {
  const policy = await getRetentionPolicy(db);
  const cutoffs = retentionCutoffs(q.today, policy);
  const due = await dueLeavers(db, cutoffs);
  const ids = due.map((p) => p.id);
  const count = async (rows: Promise<Array<{ n: number }>>) => (await rows)[0]?.n ?? 0;
  const n = sql<number>`count(*)`;
  let personLinkCount = 0;
  let effectCount = 0;
  for (const part of chunks(ids)) {
    personLinkCount += await count(
      db.select({ n }).from(personLinks).where(inArray(personLinks.personId, part)),
    );
    effectCount += await count(db.select({ n }).from(importEffects).where(peopleEffects(part)));
  }
  const counts: PurgeCounts = {
    people: ids.length,
    personLinks: personLinkCount,
    importEffects: effectCount,
    unmatchedRows: await count(db.select({ n }).from(unmatched).where(unmatchedDue(ids, cutoffs))),
    auditEntries: await count(
      db.select({ n }).from(auditLog).where(lt(auditLog.at, cutoffs.logsBefore)),
    ),
    accessEntries: await count(
      db.select({ n }).from(accessLog).where(lt(accessLog.at, cutoffs.logsBefore)),
    ),
    pendingUploads: await count(db.select({ n }).from(pendingUploads).where(stalePending(q.now))),
  };
  return { today: q.today, policy, cutoffs, people: due, counts, dryRun: true };
}

function peopleEffects(ids: number[]) {
  return and(
    eq(importEffects.entity, "people"),
    inArray(importEffects.entityId, ids),
    isNotNull(importEffects.before),
  );
}

function stalePending(now: Date) {
  return lt(
    pendingUploads.createdAt,
    new Date(now.getTime() - PENDING_UPLOAD_MAX_AGE_MS).toISOString(),
  );
}

/**
 * Runs the purge in one transaction and audits it (counts and cutoffs only — the audit
 * entry must not keep the names it removed).
 */
export async function runPurge(
  db: Db,
  q: { today: string; now: Date; actor: { userId: number | null; ip?: string | null } },
): Promise<PurgePlan> {
  const embedded = isEmbeddedFile(db);
  const result = await db.transaction(async (tx) => {
    await zeroDeletedContent(tx, embedded);
    const plan = await planPurge(tx, q);
    const ids = plan.people.map((p) => p.id);
    const at = q.now.toISOString();
    for (const part of chunks(ids)) {
      await tx
        .update(people)
        .set({ ...pseudonymisedIdentity(), pseudonymisedAt: at, updatedAt: at })
        .where(inArray(people.id, part));
      await tx.delete(personLinks).where(inArray(personLinks.personId, part));
      const effects = await tx
        .select({ id: importEffects.id, before: importEffects.before })
        .from(importEffects)
        .where(peopleEffects(part));
      for (const e of effects) {
        await tx
          .update(importEffects)
          .set({ before: scrubIdentity(e.before ?? {}) })
          .where(eq(importEffects.id, e.id));
      }
    }
    await tx
      .update(unmatched)
      .set({ raw: {}, name: null, email: null, employeeNo: null })
      .where(unmatchedDue(ids, plan.cutoffs));
    await tx.delete(auditLog).where(lt(auditLog.at, plan.cutoffs.logsBefore));
    await tx.delete(accessLog).where(lt(accessLog.at, plan.cutoffs.logsBefore));
    await tx.delete(pendingUploads).where(stalePending(q.now));
    await audit(tx, {
      userId: q.actor.userId,
      action: "privacy.purged",
      detail: { ...plan.counts, ...plan.cutoffs, policy: plan.policy },
      ip: q.actor.ip ?? null,
      at: q.now,
    });
    return { ...plan, dryRun: false };
  });
  await truncateWriteAheadLog(db);
  return result;
}
