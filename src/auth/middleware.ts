import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from "./cookie";
import { NO_UNITS, scopeForUser } from "./scope";
import { validateSessionToken } from "./session";

export { SESSION_COOKIE };

/** Puts `user`, `session` and `scope` on the context; anonymous requests see no units. */
export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  c.set("user", null);
  c.set("session", null);
  c.set("scope", NO_UNITS);
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const db = c.get("db");
    const { session, user, fresh } = await validateSessionToken(db, token, c.get("now")());
    if (!session) {
      clearSessionCookie(c);
    } else {
      // A renewed session gets a renewed cookie (sliding expiry on both sides).
      if (fresh) setSessionCookie(c, token);
      c.set("user", user);
      c.set("session", session);
      c.set("scope", await scopeForUser(db, user));
    }
  }
  await next();
  // Signed-in responses carry staff data: no browser or proxy keeps a copy (back button after
  // logout on a shared computer, caches in front of the app).
  if (c.get("user") && !c.res.headers.has("Cache-Control")) {
    c.header("Cache-Control", "private, no-store");
  }
});
