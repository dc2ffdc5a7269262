/**
 * Login rate limiting with fixed windows kept in the database (so every Workers isolate
 * and Node process shares them). In 15 minutes at most:
 * - 5 failures per account *and* client address: a guesser at one address is stopped, but
 *   knowing someone's e-mail address is not enough to lock them out from their own desk;
 * - 100 failures per account from all addresses together (a distributed guess);
 * - 20 failures per client address across accounts (spraying one password over many).
 * While a key is over its limit even the right password is refused.
 *
 * Only failures count. An attempt takes a slot *before* the password is checked, in one
 * atomic upsert, so a burst of parallel guesses cannot slip past the limit; a success or a
 * refusal gives its slot back, so correct sign-ins never use up anyone's allowance.
 */
import { eq, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { loginAttempts } from "../../db/schema";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
export const MAX_FAILURES_PER_ACCOUNT = 100;
export const MAX_FAILURES_PER_IP = 20;

export interface LimitKey {
  key: string;
  max: number;
}

export function loginLimitKeys(email: string, ip: string | null): LimitKey[] {
  const keys = [
    { key: `pair:${ip ?? "?"}:${email}`, max: MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS },
    { key: `account:${email}`, max: MAX_FAILURES_PER_ACCOUNT },
  ];
  if (ip) keys.push({ key: `ip:${ip}`, max: MAX_FAILURES_PER_IP });
  return keys;
}

/**
 * Takes one slot on every key (an expired window starts over at 1) and says whether all
 * keys are still within their limit. A refused attempt gives its slots back at once.
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
  if (!allowed) await releaseAttempt(db, keys);
  return allowed;
}

/** Gives back the slot an attempt took (a success, or a refusal that checked nothing). */
export async function releaseAttempt(db: DbOrTx, keys: LimitKey[]): Promise<void> {
  for (const { key } of keys) {
    await db
      .update(loginAttempts)
      .set({ count: sql`max(${loginAttempts.count} - 1, 0)` })
      .where(eq(loginAttempts.key, key));
  }
}

/** After a success: the slot is given back and this address's failures on the account forgiven. */
export async function registerSuccess(db: DbOrTx, keys: LimitKey[]): Promise<void> {
  await releaseAttempt(db, keys);
  const pair = keys.find((k) => k.key.startsWith("pair:"));
  if (pair) await db.delete(loginAttempts).where(eq(loginAttempts.key, pair.key));
}
