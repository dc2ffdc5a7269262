/**
 * Who may do what: routes declare `requireRole(...CAN.x)`. Which units a user sees is
 * ./scope.ts; every unit query takes `c.get("scope")`.
 */
import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import type { Role } from "../../db/schema";
import type { AppEnv, SignedIn } from "../env";

/** What each role may do; routes ask for capabilities through `requireRole`. */
export const CAN = {
  viewAllUnits: ["admin", "hr", "ledning"],
  importFiles: ["admin", "hr"],
  lockAnnualReport: ["admin", "ledning"],
  editPlan: ["admin", "ledning"],
  viewReports: ["admin", "hr", "ledning", "chef"],
  manageUsers: ["admin"],
} as const satisfies Record<string, readonly Role[]>;

/**
 * 401 without a signed-in user, 403 when the user's role is not among `roles`. Typed as
 * `SignedIn`, so handlers after it get `c.get("user")` as a non-null `User`: the check here
 * is what makes that true (the middleware itself reads the nullable AppEnv value).
 */
export function requireRole(...roles: readonly Role[]): MiddlewareHandler<SignedIn> {
  const check = createMiddleware<AppEnv>(async (c, next) => {
    const user = c.get("user");
    if (!user) throw new HTTPException(401, { message: "Du behöver logga in." });
    if (!roles.includes(user.role)) {
      throw new HTTPException(403, { message: "Du har inte behörighet till den här sidan." });
    }
    await next();
  });
  return check as unknown as MiddlewareHandler<SignedIn>;
}
