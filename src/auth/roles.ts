/**
 * Authorisation in one place: who may do what (roles) and which units they see (scope).
 * Routes declare `requireRole(...)`; every unit query takes `c.get("scope")`.
 */
import { eq } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import type { Db } from "../../db/client";
import { type Role, type User, units, userUnits } from "../../db/schema";
import type { AppEnv } from "../env";
import { ALL_UNITS, type Scope } from "../services/scope";

/** What each role may do; routes ask for capabilities through `requireRole`. */
export const CAN = {
  viewAllUnits: ["admin", "hr", "ledning"],
  importFiles: ["admin", "hr"],
  lockAnnualReport: ["admin", "ledning"],
  editPlan: ["admin", "ledning"],
  viewReports: ["admin", "hr", "ledning", "chef"],
  manageUsers: ["admin"],
} as const satisfies Record<string, readonly Role[]>;

/** admin/hr/ledning see every unit; a chef only the subtrees assigned in user_units. */
export async function scopeForUser(db: Db, user: User): Promise<Scope> {
  if ((CAN.viewAllUnits as readonly Role[]).includes(user.role)) return ALL_UNITS;
  const rows = await db
    .select({ path: units.path })
    .from(userUnits)
    .innerJoin(units, eq(units.id, userUnits.unitId))
    .where(eq(userUnits.userId, user.id));
  return { kind: "units", paths: rows.map((r) => r.path) };
}

/** 401 without a signed-in user, 403 when the user's role is not among `roles`. */
export function requireRole(...roles: readonly Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const user = c.get("user");
    if (!user) throw new HTTPException(401, { message: "Du behöver logga in." });
    if (!roles.includes(user.role)) {
      throw new HTTPException(403, { message: "Du har inte behörighet till den här sidan." });
    }
    await next();
  });
}
