import type { Context } from "hono";
import { Hono } from "hono";
import * as z from "zod";
import { LoginPage, type LoginPageProps } from "../../views/pages/login";
import { PasswordForm } from "../../views/pages/password";
import { clearSessionCookie, setSessionCookie } from "../auth/cookie";
import { checkCurrentPassword, loginWithPassword } from "../auth/login";
import { ssoLabel } from "../auth/oidc-config";
import { consumePasswordToken, peekPasswordToken } from "../auth/password-tokens";
import { requireRole } from "../auth/roles";
import { createSession, generateSessionToken, invalidateSession } from "../auth/session";
import { passwordProblem } from "../domain/password-policy";
import { ROLES } from "../domain/roles";
import type { AppEnv, SignedInEnv } from "../env";
import { audit } from "../services/audit";
import { getUser, setPassword } from "../services/users";
import { formValidator } from "./form";
import { page } from "./render";
import { providerLogoutOffer } from "./sso";

const loginForm = z.object({
  email: z.string().trim().toLowerCase().max(254).default(""),
  password: z.string().max(1024).default(""),
  next: z.string().optional(),
});

const passwordForm = z.object({
  current: z.string().max(1024).optional(),
  password: z.string().max(1024).default(""),
  repeat: z.string().max(1024).default(""),
});

/** Only same-site paths: never redirect a login to another host. */
export function safeNext(next: string | undefined): string {
  if (!next?.startsWith("/")) return "/";
  // "//host" and "/\\host" are protocol-relative to browsers.
  if (next[1] === "/" || next[1] === "\\") return "/";
  // Control characters would end up in the Location header.
  for (let i = 0; i < next.length; i++) {
    const code = next.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return "/";
  }
  return next;
}

export const LOCKED_MESSAGE =
  "För många misslyckade inloggningsförsök. Vänta 15 minuter och försök igen, eller be en administratör om hjälp.";

export function loginPage(
  c: Context<AppEnv>,
  props: LoginPageProps,
  status: 200 | 401 | 403 | 429 | 503 = 200,
) {
  const oidc = c.get("oidc");
  const ssoButton = oidc ? `Logga in med ${ssoLabel(oidc)}` : null;
  return page(c, "Logga in", <LoginPage {...props} ssoLabel={ssoButton} />, status);
}

/**
 * Starts a fresh session (a new token on every sign-in, never a reused one). An SSO sign-in
 * keeps the ID token for logging out at the provider.
 */
export async function signIn<E extends AppEnv>(
  c: Context<E>,
  userId: number,
  oidcIdToken: string | null = null,
): Promise<void> {
  const token = generateSessionToken();
  await createSession(c.get("db"), token, userId, c.get("now")(), oidcIdToken);
  setSessionCookie(c, token);
}

export const authRoutes = new Hono<AppEnv>()
  .get("/login", (c) => {
    if (c.get("user")) return c.redirect(safeNext(c.req.query("next")), 303);
    const notice = c.req.query("klart") !== undefined ? "Lösenordet är sparat. Logga in." : null;
    return loginPage(c, { next: safeNext(c.req.query("next")), notice });
  })
  .post("/login", formValidator(loginForm), async (c) => {
    const { email, password, next } = c.req.valid("form");
    const db = c.get("db");
    const ip = c.get("clientIp");
    const result = await loginWithPassword(db, { email, password, ip, now: c.get("now")() });
    if (!result.ok) {
      const locked = result.reason === "locked";
      await audit(db, {
        userId: result.user?.id ?? null,
        action: locked ? "login.locked" : "login.failed",
        target: email,
        ip,
      });
      const error = locked ? LOCKED_MESSAGE : "Fel e-postadress eller lösenord.";
      return loginPage(c, { error, email, next: safeNext(next) }, locked ? 429 : 401);
    }
    await signIn(c, result.user.id);
    await audit(db, {
      userId: result.user.id,
      action: "login.ok",
      target: email,
      detail: result.rehashed ? { method: "password", rehashed: true } : { method: "password" },
      ip,
    });
    return c.redirect(safeNext(next), 303);
  })
  .post("/logout", async (c) => {
    const session = c.get("session");
    if (session) {
      await invalidateSession(c.get("db"), session.id);
      await audit(c.get("db"), {
        userId: session.userId,
        action: "logout",
        ip: c.get("clientIp"),
      });
    }
    clearSessionCookie(c);
    const offer = session?.oidcIdToken ? await providerLogoutOffer(c, session.oidcIdToken) : null;
    return offer ?? c.redirect("/login", 303);
  })
  .get("/password", requireRole(...ROLES), (c) => {
    const user = c.get("user");
    if (isSsoOnly(user)) return ssoOnlyPage(c);
    return page(
      c,
      "Byt lösenord",
      <PasswordForm
        action="/password"
        title="Byt lösenord"
        askCurrent={!!user.passwordHash}
        email={user.email}
      />,
    );
  })
  .post("/password", requireRole(...ROLES), formValidator(passwordForm), async (c) => {
    const user = c.get("user");
    const db = c.get("db");
    if (isSsoOnly(user)) return ssoOnlyPage(c, 403);
    const { current, password, repeat } = c.req.valid("form");
    const form = (error: string | null, done: string | null = null) =>
      page(
        c,
        "Byt lösenord",
        <PasswordForm
          action="/password"
          title="Byt lösenord"
          askCurrent={!!user.passwordHash}
          email={user.email}
          error={error}
          done={done}
        />,
        error ? 400 : 200,
      );
    if (user.passwordHash) {
      // Limited, so a borrowed session cannot guess the password; its own counter, so a
      // typo here never locks the account's sign-in.
      const check = await checkCurrentPassword(db, user, current ?? "", c.get("now")());
      if (check !== "ok") {
        return form(
          check === "locked"
            ? "För många felaktiga försök med det nuvarande lösenordet. Vänta 15 minuter och försök igen."
            : "Det nuvarande lösenordet stämmer inte.",
        );
      }
    }
    const problem = passwordProblem(password, repeat);
    if (problem) return form(problem);
    // Ends every session, this one included, then starts a new one here.
    await setPassword(db, user.id, password, { userId: user.id, ip: c.get("clientIp") });
    await signIn(c, user.id);
    return form(null, "Lösenordet är bytt. Du är utloggad på alla andra enheter.");
  })
  .get("/set-password/:token", async (c) => {
    // The link is a credential: neither the browser nor a proxy may keep the page.
    c.header("Cache-Control", "no-store");
    const db = c.get("db");
    const userId = await peekPasswordToken(db, c.req.param("token"), c.get("now")());
    if (!userId) return invalidLink(c);
    const user = await getUser(db, userId);
    return page(
      c,
      "Välj lösenord",
      <PasswordForm
        action={c.req.path}
        title="Välj lösenord"
        askCurrent={false}
        email={user?.email}
      />,
    );
  })
  .post("/set-password/:token", formValidator(passwordForm), async (c) => {
    c.header("Cache-Control", "no-store");
    const db = c.get("db");
    const token = c.req.param("token");
    const now = c.get("now")();
    const { password, repeat } = c.req.valid("form");
    const userId = await peekPasswordToken(db, token, now);
    if (!userId) return invalidLink(c);
    const problem = passwordProblem(password, repeat);
    if (problem) {
      return page(
        c,
        "Välj lösenord",
        <PasswordForm
          action={c.req.path}
          title="Välj lösenord"
          askCurrent={false}
          error={problem}
        />,
        400,
      );
    }
    // Consuming is one conditional UPDATE: a second submission of the same link finds nothing.
    if ((await consumePasswordToken(db, token, now)) !== userId) return invalidLink(c);
    await setPassword(db, userId, password, { userId, ip: c.get("clientIp") });
    return c.redirect("/login?klart", 303);
  });

/**
 * An account that signs in only through the organisation's identity provider has no local
 * password and cannot make one: the IdP owns its credentials (MFA, and switching the account
 * off when someone leaves), and a local password would be a second way in that outlives it.
 */
export function isSsoOnly(user: { oidcSubject: string | null; passwordHash: string | null }) {
  return !!user.oidcSubject && !user.passwordHash;
}

function ssoOnlyPage(c: Context<SignedInEnv>, status: 200 | 403 = 200) {
  return page(
    c,
    "Lösenord",
    <section class="narrow">
      <h1>Lösenord</h1>
      <p class="notice">
        Du loggar in med organisationens konto (single sign-on). Lösenordet byts där, inte i
        Genomförd.
      </p>
    </section>,
    status,
  );
}

function invalidLink(c: Context<AppEnv>) {
  return page(
    c,
    "Länken gäller inte",
    <>
      <h1>Länken gäller inte längre</h1>
      <p class="notice error">
        Länken för att välja lösenord är redan använd eller för gammal (den gäller i 72 timmar). Be
        en administratör om en ny länk.
      </p>
      <p>
        <a href="/login">Till inloggningen</a>
      </p>
    </>,
    410,
  );
}
