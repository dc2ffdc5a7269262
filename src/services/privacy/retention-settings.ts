/** The retention periods, kept in `settings` so admin can change them without a deploy. */
import { inArray } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { settings } from "../../../db/schema";
import { DEFAULT_RETENTION, type RetentionPolicy, retentionProblem } from "../../domain/retention";
import { audit } from "../audit";

const KEYS = {
  leaverYears: "retention.leaver_years",
  logYears: "retention.log_years",
} as const;

export async function getRetentionPolicy(db: DbOrTx): Promise<RetentionPolicy> {
  const rows = await db
    .select()
    .from(settings)
    .where(inArray(settings.key, Object.values(KEYS)));
  const value = (key: string, fallback: number) => {
    const n = Number(rows.find((r) => r.key === key)?.value);
    return Number.isInteger(n) && n > 0 ? n : fallback;
  };
  return {
    leaverYears: value(KEYS.leaverYears, DEFAULT_RETENTION.leaverYears),
    logYears: value(KEYS.logYears, DEFAULT_RETENTION.logYears),
  };
}

/** Saves both periods; returns a Swedish problem instead when they are out of range. */
export async function setRetentionPolicy(
  db: DbOrTx,
  policy: RetentionPolicy,
  actor: { userId: number | null; ip?: string | null },
): Promise<string | null> {
  const problem = retentionProblem(policy);
  if (problem) return problem;
  const before = await getRetentionPolicy(db);
  for (const [field, key] of Object.entries(KEYS) as Array<[keyof RetentionPolicy, string]>) {
    await db
      .insert(settings)
      .values({ key, value: String(policy[field]) })
      .onConflictDoUpdate({ target: settings.key, set: { value: String(policy[field]) } });
  }
  await audit(db, {
    userId: actor.userId,
    action: "privacy.retention_changed",
    detail: { from: before, to: policy },
    ip: actor.ip ?? null,
  });
  return null;
}
