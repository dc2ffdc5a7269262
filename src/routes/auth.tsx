import { zValidator } from "@hono/zod-validator";
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import { users } from "../../db/schema";
import { Layout } from "../../views/layout";
import { LoginPage } from "../../views/pages/login";
import { clearSessionCookie, setSessionCookie } from "../auth/cookie";
import { verifyPassword } from "../auth/password";
import { createSession, generateSessionToken, invalidateSession } from "../auth/session";
import type { AppEnv } from "../env";
import { audit } from "../services/audit";

const loginForm = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(1024),
  next: z.string().optional(),
});

/** Only same-site paths: never redirect a login to another host. */
export function safeNext(next: string | undefined): string {
  // "//host" and "/\\host" are protocol-relative to browsers.
  return next?.startsWith("/") && !/^\/[/\\]/.test(next) ? next : "/";
}

export const authRoutes = new Hono<AppEnv>()
  .get("/login", (c) =>
    c.html(
      <Layout title="Logga in">
        <LoginPage next={safeNext(c.req.query("next"))} />
      </Layout>,
    ),
  )
  .post("/login", zValidator("form", loginForm), async (c) => {
    const { email, password, next } = c.req.valid("form");
    const db = c.get("db");
    const user = await db.query.users.findFirst({ where: eq(users.email, email) });
    const ok =
      !!user?.active && !!user.passwordHash && (await verifyPassword(user.passwordHash, password));
    if (!user || !ok) {
      await audit(db, { userId: user?.id ?? null, action: "login.failed", target: email });
      return c.html(
        <Layout title="Logga in">
          <LoginPage error="Fel e-postadress eller lösenord." email={email} next={safeNext(next)} />
        </Layout>,
        401,
      );
    }
    const token = generateSessionToken();
    await createSession(db, token, user.id, c.get("now")());
    setSessionCookie(c, token);
    await audit(db, { userId: user.id, action: "login.ok", target: email });
    return c.redirect(safeNext(next), 303);
  })
  .post("/logout", async (c) => {
    const session = c.get("session");
    if (session) {
      await invalidateSession(c.get("db"), session.id);
      await audit(c.get("db"), { userId: session.userId, action: "logout" });
    }
    clearSessionCookie(c);
    return c.redirect("/login", 303);
  });
