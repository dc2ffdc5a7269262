/**
 * Password sign-in: rate limit first, then a hash comparison that costs the same whether
 * or not the account exists, then a hash upgrade when today's parameters are stronger.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { type User, users } from "../../db/schema";
import { hashPassword, needsRehash, verifyPassword } from "./password";
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

let dummyHash: Promise<string> | undefined;
/** A hash of a random secret with today's parameters, verified when there is no real one. */
function dummy(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}

/**
 * Computes the dummy hash now. Entries call it at start: computed lazily, the first
 * unknown-address sign-in costs two hashes instead of one, which tells an attacker the
 * process has just started.
 */
export function prepareDummyHash(): Promise<string> {
  return dummy();
}

export async function loginWithPassword(
  db: Db,
  input: { email: string; password: string; ip: string | null; now: Date },
): Promise<LoginResult> {
  const keys = loginLimitKeys(input.email, input.ip);
  const user = (await db.query.users.findFirst({ where: eq(users.email, input.email) })) ?? null;
  if (!(await registerAttempt(db, keys, input.now))) return { ok: false, reason: "locked", user };

  const usable = !!user?.active && !!user.passwordHash;
  const matches = await verifyPassword(usable ? user.passwordHash! : await dummy(), input.password);
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
