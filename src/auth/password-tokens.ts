/**
 * One-time set-password links for admin-created accounts and resets. The token lives only
 * in the link; the database keeps its SHA-256. A link works once and for 72 hours.
 */
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { passwordTokens, users } from "../../db/schema";
import { generateSessionToken, sessionIdFromToken } from "./session";

export const PASSWORD_TOKEN_LIFETIME_MS = 72 * 60 * 60 * 1000;

export function setPasswordPath(token: string): string {
  return `/set-password/${token}`;
}

/** Creates a link token; older unused links of the user stop working. */
export async function createPasswordToken(db: Db, userId: number, now: Date): Promise<string> {
  const token = generateSessionToken() + generateSessionToken();
  await db.delete(passwordTokens).where(eq(passwordTokens.userId, userId));
  await db.insert(passwordTokens).values({
    id: sessionIdFromToken(token),
    userId,
    expiresAt: now.getTime() + PASSWORD_TOKEN_LIFETIME_MS,
  });
  return token;
}

/** Ends every outstanding link of a user (deactivation). */
export async function revokePasswordTokens(db: Db, userId: number): Promise<void> {
  await db.delete(passwordTokens).where(eq(passwordTokens.userId, userId));
}

/**
 * The user a still-valid token belongs to, without using it up (for showing the form).
 * A deactivated account's link is void even if it somehow survived the deactivation.
 */
export async function peekPasswordToken(db: Db, token: string, now: Date): Promise<number | null> {
  const [row] = await db
    .select({ userId: passwordTokens.userId })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(
      and(
        eq(passwordTokens.id, sessionIdFromToken(token)),
        isNull(passwordTokens.usedAt),
        gt(passwordTokens.expiresAt, now.getTime()),
        eq(users.active, true),
      ),
    );
  return row?.userId ?? null;
}

/** Marks the token used in one statement, so two submissions cannot both succeed. */
export async function consumePasswordToken(
  db: Db,
  token: string,
  now: Date,
): Promise<number | null> {
  const [row] = await db
    .update(passwordTokens)
    .set({ usedAt: now.toISOString() })
    .where(
      and(
        eq(passwordTokens.id, sessionIdFromToken(token)),
        isNull(passwordTokens.usedAt),
        gt(passwordTokens.expiresAt, now.getTime()),
      ),
    )
    .returning({ userId: passwordTokens.userId });
  return row?.userId ?? null;
}
