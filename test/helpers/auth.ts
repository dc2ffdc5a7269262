import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { type Role, units, users, userUnits } from "../../db/schema";
import { SESSION_COOKIE } from "../../src/auth/middleware";
import { hashPassword, type ScryptParams } from "../../src/auth/password";
import { createSession, generateSessionToken } from "../../src/auth/session";

let counter = 0;

/**
 * Creates a user with `role` (a chef gets the units with these codes) and a session;
 * returns the Cookie header to send with `app.request`.
 */
export async function loginAs(
  db: Db,
  role: Role,
  unitCodes: string[] = [],
): Promise<{ cookie: string; userId: number }> {
  counter++;
  const [user] = await db
    .insert(users)
    .values({
      email: `${role}${counter}-${Date.now()}@test.se`,
      name: `Test ${role} ${counter}`,
      role,
    })
    .returning();
  if (unitCodes.length > 0) {
    const rows = await db
      .select({ id: units.id })
      .from(units)
      .where(inArray(units.code, unitCodes));
    if (rows.length !== unitCodes.length)
      throw new Error(`unknown unit codes in ${unitCodes.join(",")}`);
    await db.insert(userUnits).values(rows.map((r) => ({ userId: user!.id, unitId: r.id })));
  }
  const token = generateSessionToken();
  await createSession(db, token, user!.id);
  return { cookie: `${SESSION_COOKIE}=${token}`, userId: user!.id };
}

/** An active account with a real password hash (params default to today's). */
export async function userWithPassword(
  db: Db,
  email: string,
  password: string,
  opts: { role?: Role; params?: ScryptParams; active?: boolean } = {},
): Promise<number> {
  const [user] = await db
    .insert(users)
    .values({
      email,
      name: `Test ${email}`,
      role: opts.role ?? "hr",
      passwordHash: await hashPassword(password, opts.params),
      active: opts.active ?? true,
    })
    .returning();
  return user!.id;
}
