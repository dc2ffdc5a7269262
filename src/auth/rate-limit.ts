/**
 * Login rate limiting with fixed windows kept in the database (so every Workers isolate
 * and Node process shares them): at most 5 failures per account and 20 per client address
 * in 15 minutes. While a key is over its limit even the right password is refused.
 *
 * An attempt is counted *before* the password is checked, in one atomic upsert, so a burst
 * of parallel requests cannot slip past the limit; a success then takes its count back.
 */
import { eq, lt, sql } from "drizzle-orm";
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
  const keys = [{ key: accountKey(email), max: MAX_FAILURES_PER_ACCOUNT }];
  if (ip) keys.push({ key: `ip:${ip}`, max: MAX_FAILURES_PER_IP });
  return keys;
}

function accountKey(email: string): string {
  return `account:${email}`;
}

/**
 * Counts one attempt on every key (an expired window starts over at 1) and says whether
 * all keys are still within their limit.
 */
export async function registerAttempt(db: DbOrTx, keys: LimitKey[], now: Date): Promise<boolean> {
  const t = now.getTime();
  const expired = sql`${loginAttempts.windowStartedAt} + ${LOGIN_WINDOW_MS} <= ${t}`;
  let allowed = true;
  for (const { key, max } of keys) {
    const [row] = await db
      .insert(loginAttempts)
      .values({ key, count: 1, windowStartedAt: t })
      .onConflictDoUpdate({
        target: loginAttempts.key,
        set: {
          count: sql`CASE WHEN ${expired} THEN 1 ELSE ${loginAttempts.count} + 1 END`,
          windowStartedAt: sql`CASE WHEN ${expired} THEN ${t} ELSE ${loginAttempts.windowStartedAt} END`,
        },
      })
      .returning({ count: loginAttempts.count });
    if ((row?.count ?? 0) > max) allowed = false;
  }
  // Old windows say nothing any more; keep the table small.
  await db.delete(loginAttempts).where(lt(loginAttempts.windowStartedAt, t - LOGIN_WINDOW_MS));
  return allowed;
}

/** After a success: the account's failures are forgiven, the address gets this attempt back. */
export async function registerSuccess(db: DbOrTx, keys: LimitKey[]): Promise<void> {
  for (const { key } of keys) {
    if (key.startsWith("account:")) {
      await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
    } else {
      await db
        .update(loginAttempts)
        .set({ count: sql`max(${loginAttempts.count} - 1, 0)` })
        .where(eq(loginAttempts.key, key));
    }
  }
}
