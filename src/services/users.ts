/**
 * User administration: accounts, roles, a chef's unit subtrees, deactivation. Every change
 * is audited; mistakes come back as `UserError` with a Swedish message.
 */
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { ROLES, type Role, type User, units, users, userUnits } from "../../db/schema";
import { hashPassword } from "../auth/password";
import { createPasswordToken, revokePasswordTokens } from "../auth/password-tokens";
import { ALL_UNITS, unitScopeFilter } from "../auth/scope";
import { invalidateAllSessions } from "../auth/session";
import { UserError } from "../domain/user-error";
import { audit } from "./audit";

export interface Actor {
  userId: number | null;
  ip?: string | null;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export interface UserListItem extends User {
  units: Array<{ id: number; code: string | null; name: string }>;
}

export async function listUsers(db: Db): Promise<UserListItem[]> {
  const all = await db.select().from(users).orderBy(asc(users.name));
  const assigned = await db
    .select({ userId: userUnits.userId, id: units.id, code: units.code, name: units.name })
    .from(userUnits)
    .innerJoin(units, eq(units.id, userUnits.unitId))
    .orderBy(asc(units.path));
  return all.map((u) => ({
    ...u,
    units: assigned
      .filter((a) => a.userId === u.id)
      .map(({ id, code, name }) => ({ id, code, name })),
  }));
}

export async function getUser(db: Db, id: number): Promise<UserListItem | null> {
  return (await listUsers(db)).find((u) => u.id === id) ?? null;
}

/** The account with this e-mail (lower-cased), for single sign-on. */
export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db.query.users.findFirst({ where: eq(users.email, email) });
}

/** Links an account to the identity provider's stable subject on its first SSO sign-in. */
export async function linkOidcSubject(db: Db, userId: number, subject: string): Promise<void> {
  await db.update(users).set({ oidcSubject: subject }).where(eq(users.id, userId));
}

/** Units an admin can assign, in tree order (depth from the materialised path). */
export async function assignableUnits(db: Db) {
  const rows = await db
    .select({ id: units.id, code: units.code, name: units.name, path: units.path })
    .from(units)
    // Admins assign any unit of the organisation: the whole tree, on purpose.
    .where(unitScopeFilter(ALL_UNITS, units.path))
    .orderBy(asc(units.path));
  return rows.map((r) => ({ ...r, depth: r.path.split("/").length - 3 }));
}

async function unitIdsByCode(db: Db, codes: string[]): Promise<number[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(inArray(units.code, codes));
  const missing = codes.filter((c) => !rows.some((r) => r.code === c));
  if (missing.length > 0) throw new UserError(`Okänd enhetskod: ${missing.join(", ")}.`);
  return rows.map((r) => r.id);
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  unitCodes?: string[];
  unitIds?: number[];
  /** Set directly (CLI bootstrap); otherwise a one-time link is made. */
  password?: string;
}

/** Creates an active account; returns the one-time set-password token unless a password was given. */
export async function createUser(
  db: Db,
  input: NewUser,
  actor: Actor,
  now: Date,
): Promise<{ user: User; token: string | null }> {
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new UserError(`'${input.email}' är ingen e-postadress.`);
  }
  if (!name) throw new UserError("Ange ett namn.");
  const unitIds = [...(input.unitIds ?? []), ...(await unitIdsByCode(db, input.unitCodes ?? []))];
  if (input.role === "chef" && unitIds.length === 0) {
    throw new UserError("En chef behöver minst en enhet: ange den eller de enheter chefen ska se.");
  }
  if (input.role !== "chef" && unitIds.length > 0) {
    throw new UserError("Bara chefer tilldelas enheter; övriga roller ser alla enheter.");
  }
  if (await db.query.users.findFirst({ where: eq(users.email, email) })) {
    throw new UserError(`Det finns redan ett konto för ${email}.`);
  }
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const [user] = await db
    .insert(users)
    .values({ email, name, role: input.role, passwordHash })
    .returning();
  if (unitIds.length > 0) {
    await db.insert(userUnits).values(unitIds.map((unitId) => ({ userId: user!.id, unitId })));
  }
  const token = input.password ? null : await createPasswordToken(db, user!.id, now);
  await audit(db, {
    userId: actor.userId,
    action: "user.created",
    target: email,
    detail: { role: input.role, unitIds },
    ip: actor.ip ?? null,
  });
  return { user: user!, token };
}

async function guardOwnAdminRights(db: Db, actor: Actor, target: User, what: string) {
  if (actor.userId === target.id) {
    throw new UserError(`Du kan inte ${what} för ditt eget konto.`);
  }
  if (target.role === "admin") {
    const [row] = await db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, target.id)));
    if ((row?.n ?? 0) === 0) throw new UserError("Det måste finnas minst en aktiv administratör.");
  }
}

async function mustGet(db: Db, id: number): Promise<User> {
  const user = await db.query.users.findFirst({ where: eq(users.id, id) });
  if (!user) throw new UserError("Kontot finns inte.");
  return user;
}

export async function changeRole(db: Db, id: number, role: Role, actor: Actor): Promise<void> {
  const user = await mustGet(db, id);
  if (user.role === role) return;
  await guardOwnAdminRights(db, actor, user, "ändra roll");
  await db.update(users).set({ role }).where(eq(users.id, id));
  if (role !== "chef") await db.delete(userUnits).where(eq(userUnits.userId, id));
  await audit(db, {
    userId: actor.userId,
    action: "user.role_changed",
    target: user.email,
    detail: { from: user.role, to: role },
    ip: actor.ip ?? null,
  });
}

export async function setUserUnits(
  db: Db,
  id: number,
  unitIds: number[],
  actor: Actor,
): Promise<void> {
  const user = await mustGet(db, id);
  if (user.role !== "chef") throw new UserError("Bara chefer tilldelas enheter.");
  const unique = [...new Set(unitIds)];
  if (unique.length === 0) throw new UserError("Välj minst en enhet.");
  const found = await db.select({ id: units.id }).from(units).where(inArray(units.id, unique));
  if (found.length !== unique.length) throw new UserError("Okänd enhet.");
  const before = (await db.select().from(userUnits).where(eq(userUnits.userId, id))).map(
    (r) => r.unitId,
  );
  await db.delete(userUnits).where(eq(userUnits.userId, id));
  await db.insert(userUnits).values(unique.map((unitId) => ({ userId: id, unitId })));
  await audit(db, {
    userId: actor.userId,
    action: "user.units_changed",
    target: user.email,
    detail: { from: before.sort((a, b) => a - b), to: unique.sort((a, b) => a - b) },
    ip: actor.ip ?? null,
  });
}

/**
 * Deactivated accounts cannot sign in and lose every session and every outstanding
 * set-password link at once (a link must not outlive the account and survive a reactivation).
 */
export async function setActive(db: Db, id: number, active: boolean, actor: Actor): Promise<void> {
  const user = await mustGet(db, id);
  if (user.active === active) return;
  if (!active) await guardOwnAdminRights(db, actor, user, "inaktivera inloggningen");
  await db.update(users).set({ active }).where(eq(users.id, id));
  if (!active) {
    await invalidateAllSessions(db, id);
    await revokePasswordTokens(db, id);
  }
  await audit(db, {
    userId: actor.userId,
    action: active ? "user.activated" : "user.deactivated",
    target: user.email,
    ip: actor.ip ?? null,
  });
}

/** Sets a new password and ends every session of the user (the caller may start a new one). */
export async function setPassword(
  db: Db,
  id: number,
  password: string,
  actor: Actor,
): Promise<void> {
  const user = await mustGet(db, id);
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(users.id, id));
  await invalidateAllSessions(db, id);
  await audit(db, {
    userId: actor.userId,
    action: "password.changed",
    target: user.email,
    ip: actor.ip ?? null,
  });
}

export async function newPasswordLink(
  db: Db,
  id: number,
  actor: Actor,
  now: Date,
): Promise<string> {
  const user = await mustGet(db, id);
  const token = await createPasswordToken(db, id, now);
  await audit(db, {
    userId: actor.userId,
    action: "user.password_link",
    target: user.email,
    ip: actor.ip ?? null,
  });
  return token;
}

/**
 * Clears the link to the provider's `sub` (e.g. after the app was registered anew at the
 * provider, which changes every `sub`). The next SSO sign-in links again by e-mail.
 */
export async function unlinkSso(db: Db, id: number, actor: Actor): Promise<User> {
  const user = await mustGet(db, id);
  if (!user.oidcSubject) {
    throw new UserError(`Kontot ${user.email} är inte kopplat till något inloggningskonto.`);
  }
  await db.update(users).set({ oidcSubject: null }).where(eq(users.id, id));
  await audit(db, {
    userId: actor.userId,
    action: "user.sso_unlinked",
    target: user.email,
    detail: { sub: user.oidcSubject },
    ip: actor.ip ?? null,
  });
  return user;
}

export async function userIdByEmail(db: Db, email: string): Promise<number> {
  const normalised = email.trim().toLowerCase();
  const user = await db.query.users.findFirst({ where: eq(users.email, normalised) });
  if (!user) throw new UserError(`Det finns inget konto för ${normalised}.`);
  return user.id;
}
