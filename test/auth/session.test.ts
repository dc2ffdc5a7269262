import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions, users } from "../../db/schema";
import { createApp } from "../../src/app";
import { SESSION_COOKIE } from "../../src/auth/cookie";
import {
  createSession,
  generateSessionToken,
  invalidateAllSessions,
  invalidateSession,
  SESSION_LIFETIME_MS,
  sessionIdFromToken,
  validateSessionToken,
} from "../../src/auth/session";
import { userWithPassword } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2026-11-01T08:00:00Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY);

describe("sessions", () => {
  let t: TestDb;
  let userId: number;
  beforeAll(async () => {
    t = await createTestDb();
    userId = await userWithPassword(t.db, "s@test.se", "lösenord lösenord");
  });
  afterAll(() => t.cleanup());

  it("stores only the token's SHA-256, never the token", async () => {
    const token = generateSessionToken();
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    const session = await createSession(t.db, token, userId, T0);
    expect(session.id).toBe(sessionIdFromToken(token));
    expect(session.id).toMatch(/^[0-9a-f]{64}$/);
    expect(await t.db.select().from(sessions).where(eq(sessions.id, token))).toEqual([]);
  });

  it("slides: renewed in its second half, not in its first", async () => {
    const token = generateSessionToken();
    await createSession(t.db, token, userId, T0);
    const early = await validateSessionToken(t.db, token, at(10));
    expect(early.fresh).toBe(false);
    expect(early.session?.expiresAt).toBe(T0.getTime() + SESSION_LIFETIME_MS);
    const late = await validateSessionToken(t.db, token, at(20));
    expect(late.fresh).toBe(true);
    expect(late.session?.expiresAt).toBe(at(20).getTime() + SESSION_LIFETIME_MS);
    // Day 45 would be dead without the renewal on day 20; with it the session lives to day 50.
    expect((await validateSessionToken(t.db, token, at(45))).session).not.toBeNull();
    expect((await validateSessionToken(t.db, token, at(45 + 31))).session).toBeNull();
    expect(
      await t.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, sessionIdFromToken(token))),
    ).toEqual([]);
  });

  it("expires exactly at expiresAt", async () => {
    const token = generateSessionToken();
    await createSession(t.db, token, userId, T0);
    expect((await validateSessionToken(t.db, token, at(30))).session).toBeNull();
  });

  it("invalidates one session or all of a user's", async () => {
    const [a, b, c] = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
    for (const tok of [a, b, c]) await createSession(t.db, tok, userId, T0);
    await invalidateSession(t.db, sessionIdFromToken(a));
    expect((await validateSessionToken(t.db, a, at(1))).session).toBeNull();
    expect((await validateSessionToken(t.db, b, at(1))).session).not.toBeNull();
    await invalidateAllSessions(t.db, userId);
    expect((await validateSessionToken(t.db, b, at(1))).session).toBeNull();
    expect((await validateSessionToken(t.db, c, at(1))).session).toBeNull();
  });

  it("ends sessions of a deactivated user", async () => {
    const token = generateSessionToken();
    await createSession(t.db, token, userId, T0);
    await t.db.update(users).set({ active: false }).where(eq(users.id, userId));
    expect((await validateSessionToken(t.db, token, at(1))).session).toBeNull();
    await t.db.update(users).set({ active: true }).where(eq(users.id, userId));
  });

  it("the middleware sends the cookie again when it renews, and clears a dead one", async () => {
    const token = generateSessionToken();
    await createSession(t.db, token, userId, T0);
    const cookie = `${SESSION_COOKIE}=${token}`;
    let now = at(1);
    const app = createApp({ db: t.db, now: () => now });
    const quiet = await app.request("/", { headers: { cookie } });
    expect(quiet.status).toBe(200);
    expect(quiet.headers.getSetCookie()).toEqual([]);
    now = at(16);
    const renewed = await app.request("/", { headers: { cookie } });
    expect(renewed.headers.getSetCookie().join("")).toContain(`${cookie}; Max-Age=2592000`);
    now = at(100);
    const dead = await app.request("/", { headers: { cookie } });
    expect(dead.status).toBe(302);
    expect(dead.headers.getSetCookie().join("")).toContain(`${SESSION_COOKIE}=; Max-Age=0`);
  });
});
