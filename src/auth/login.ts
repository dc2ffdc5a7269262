/**
 * Password sign-in: rate limit first, then a hash comparison that costs the same whether
 * or not the account exists, then a hash upgrade when today's parameters are stronger.
 */

import { encodeBase64 } from "@oslojs/encoding";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { type User, users } from "../../db/schema";
import { hashPassword, needsRehash, targetHashParams, verifyPassword } from "./password";
import {
  type LimitKey,
  loginLimitKeys,
  registerAttempt,
  registerSuccess,
  releaseAttempt,
} from "./rate-limit";

export type LoginResult =
  | { ok: true; user: User; rehashed: boolean }
  | { ok: false; reason: "invalid" | "locked"; user: User | null };

/**
 * What an unknown or unusable account is checked against: a stored-hash string with today's
 * parameters and random salt and "hash" bytes. Verifying it runs exactly the scrypt a real
 * account costs, yet nothing matches it — and making it costs no scrypt at all, so the
 * first sign-in after a start is no slower than the rest (a lazily hashed dummy made the
 * first one cost two hashes, which told an attacker the process had just started).
 */
export function dummyPasswordHash(): string {
  const { N, r, p } = targetHashParams();
  const random = (n: number) => encodeBase64(crypto.getRandomValues(new Uint8Array(n)));
  return ["scrypt", N, r, p, random(16), random(32)].join("$");
}

export async function loginWithPassword(
  db: Db,
  input: { email: string; password: string; ip: string | null; now: Date },
): Promise<LoginResult> {
  const keys = loginLimitKeys(input.email, input.ip);
  const user = (await db.query.users.findFirst({ where: eq(users.email, input.email) })) ?? null;
  if (!(await registerAttempt(db, keys, input.now))) return { ok: false, reason: "locked", user };

  const usable = !!user?.active && !!user.passwordHash;
  const matches = await verifyPassword(
    usable ? user.passwordHash! : dummyPasswordHash(),
    input.password,
  );
  if (!usable || !matches) return { ok: false, reason: "invalid", user };
  await registerSuccess(db, keys);
  let rehashed = false;
  if (needsRehash(user.passwordHash!)) {
    const passwordHash = await hashPassword(input.password);
    await db.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    rehashed = true;
  }
  return { ok: true, user, rehashed };
}

/** Wrong current passwords on the change-password form: its own limit per account. */
export const MAX_CURRENT_PASSWORD_FAILURES = 5;

/**
 * The current password on the change-password form. A signed-in session proves nothing
 * about who sits at the keyboard, so guesses are limited — but on a counter of their own:
 * typing the old password wrong must not lock the account's sign-in.
 */
export async function checkCurrentPassword(
  db: Db,
  user: User,
  password: string,
  now: Date,
): Promise<"ok" | "invalid" | "locked"> {
  const keys: LimitKey[] = [
    { key: `password-change:${user.id}`, max: MAX_CURRENT_PASSWORD_FAILURES },
  ];
  if (!(await registerAttempt(db, keys, now))) return "locked";
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) return "invalid";
  await releaseAttempt(db, keys);
  return "ok";
}
