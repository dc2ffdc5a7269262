/**
 * Login rate limiting with fixed windows kept in the database (so every Workers isolate
 * and Node process shares them): at most 5 failures per account and 20 per client address
 * in 15 minutes. While a key is over its limit even the right password is refused.
 */
import { eq, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { loginAttempts } from "../../db/schema";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export interface LimitKey {
  key: string;
  max: number;
}

export function loginLimitKeys(email: string, ip: string | null): LimitKey[] {
  const keys = [{ key: `account:${email}`, max: MAX_FAILURES_PER_ACCOUNT }];
  if (ip) keys.push({ key: `ip:${ip}`, max: MAX_FAILURES_PER_IP });
  return keys;
}

/** True when any key has used up its failures in the current window. */
export async function isLocked(db: DbOrTx, keys: LimitKey[], now: Date): Promise<boolean> {
  const rows = await db
    .select()
    .from(loginAttempts)
    .where(
      inArray(
        loginAttempts.key,
        keys.map((k) => k.key),
      ),
    );
  return rows.some((row) => {
    const max = keys.find((k) => k.key === row.key)?.max ?? 0;
    return row.windowStartedAt + LOGIN_WINDOW_MS > now.getTime() && row.count >= max;
  });
}

/** Counts one failure on every key; an expired window starts over at 1. */
export async function recordFailure(db: DbOrTx, keys: LimitKey[], now: Date): Promise<void> {
  const t = now.getTime();
  const expired = sql`${loginAttempts.windowStartedAt} + ${LOGIN_WINDOW_MS} <= ${t}`;
  for (const { key } of keys) {
    await db
      .insert(loginAttempts)
      .values({ key, count: 1, windowStartedAt: t })
      .onConflictDoUpdate({
        target: loginAttempts.key,
        set: {
          count: sql`CASE WHEN ${expired} THEN 1 ELSE ${loginAttempts.count} + 1 END`,
          windowStartedAt: sql`CASE WHEN ${expired} THEN ${t} ELSE ${loginAttempts.windowStartedAt} END`,
        },
      });
  }
  // Old windows say nothing any more; keep the table small.
  await db.delete(loginAttempts).where(lt(loginAttempts.windowStartedAt, t - LOGIN_WINDOW_MS));
}

/** A successful login forgives the account's failures (not the address's). */
export async function clearAccountFailures(db: DbOrTx, email: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, `account:${email}`));
}
