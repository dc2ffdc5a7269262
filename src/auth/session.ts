/**
 * Sessions the Lucia way (its v3 package is deprecated in favour of this pattern): a random
 * token lives only in the cookie, the database stores its SHA-256 as the session id, and
 * expiry slides forward when a session is used in its second half.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { type Session, sessions, type User, users } from "../../db/schema";

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
const RENEW_WHEN_LEFT_MS = SESSION_LIFETIME_MS / 2;

/** `fresh`: the expiry moved forward, so the cookie should be sent again. */
export type SessionValidationResult =
  | { session: Session; user: User; fresh: boolean }
  | { session: null; user: null; fresh?: undefined };

export function generateSessionToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(
  db: Db,
  token: string,
  userId: number,
  now: Date = new Date(),
  oidcIdToken: string | null = null,
): Promise<Session> {
  const session = {
    id: sessionIdFromToken(token),
    userId,
    expiresAt: now.getTime() + SESSION_LIFETIME_MS,
    oidcIdToken,
  };
  const [row] = await db.insert(sessions).values(session).returning();
  return row!;
}

export async function validateSessionToken(
  db: Db,
  token: string,
  now: Date = new Date(),
): Promise<SessionValidationResult> {
  const id = sessionIdFromToken(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(eq(sessions.id, id));
  if (!row) return { session: null, user: null };
  const { session, user } = row;
  if (now.getTime() >= session.expiresAt || !user.active) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { session: null, user: null };
  }
  let fresh = false;
  if (now.getTime() >= session.expiresAt - RENEW_WHEN_LEFT_MS) {
    session.expiresAt = now.getTime() + SESSION_LIFETIME_MS;
    await db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id));
    fresh = true;
  }
  return { session, user, fresh };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateAllSessions(db: Db, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
