import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { NO_UNITS } from "../services/scope";
import { scopeForUser } from "./roles";
import { validateSessionToken } from "./session";

export const SESSION_COOKIE = "genomford_session";

/** Puts `user`, `session` and `scope` on the context; anonymous requests see no units. */
export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  c.set("user", null);
  c.set("session", null);
  c.set("scope", NO_UNITS);
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const db = c.get("db");
    const { session, user } = await validateSessionToken(db, token, c.get("now")());
    if (session) {
      c.set("user", user);
      c.set("session", session);
      c.set("scope", await scopeForUser(db, user));
    }
  }
  await next();
});
