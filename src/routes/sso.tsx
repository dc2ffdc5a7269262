/**
 * Single sign-on (OpenID Connect, Microsoft Entra ID in production). The state, PKCE verifier,
 * nonce and return path live for ten minutes in one HttpOnly cookie scoped to /login/sso.
 * A verified e-mail signs in only a pre-created, active account; anyone else is refused.
 */
import { decodeBase64urlIgnorePadding, encodeBase64url } from "@oslojs/encoding";
import { type Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { isSecureOrigin } from "../auth/cookie";
import { emailFromClaims, finishAuthorization, startAuthorization } from "../auth/oidc";
import type { AppEnv } from "../env";
import { audit } from "../services/audit";
import { findUserByEmail, linkOidcSubject } from "../services/users";
import { loginPage, safeNext, signIn } from "./auth";

const FLOW_COOKIE = "genomford_oidc";
const FLOW_PATH = "/login/sso";

interface Flow {
  state: string;
  codeVerifier: string;
  nonce: string;
  next: string;
}

function refuse(c: Context<AppEnv>, error: string) {
  return loginPage(c, { error }, 403);
}

export const ssoRoutes = new Hono<AppEnv>()
  .get("/login/sso", async (c) => {
    const config = c.get("oidc");
    if (!config) return c.notFound();
    let start: Awaited<ReturnType<typeof startAuthorization>>;
    try {
      start = await startAuthorization(config);
    } catch (err) {
      console.error("OIDC discovery failed:", err);
      return loginPage(
        c,
        { error: "Inloggning via Microsoft går inte att nå just nu. Försök igen om en stund." },
        503,
      );
    }
    const flow: Flow = {
      state: start.state,
      codeVerifier: start.codeVerifier,
      nonce: start.nonce,
      next: safeNext(c.req.query("next")),
    };
    setCookie(c, FLOW_COOKIE, encodeBase64url(new TextEncoder().encode(JSON.stringify(flow))), {
      httpOnly: true,
      sameSite: "Lax",
      secure: isSecureOrigin(c),
      path: FLOW_PATH,
      maxAge: 600,
    });
    return c.redirect(start.url.toString(), 302);
  })
  .get("/login/sso/callback", async (c) => {
    const config = c.get("oidc");
    if (!config) return c.notFound();
    const db = c.get("db");
    const ip = c.get("clientIp");
    const flow = readFlow(getCookie(c, FLOW_COOKIE));
    deleteCookie(c, FLOW_COOKIE, { path: FLOW_PATH, secure: isSecureOrigin(c) });
    const { code, state, error } = c.req.query();
    if (error || !code || !flow || state !== flow.state) {
      await audit(db, {
        userId: null,
        action: "login.failed",
        // Anyone can call this URL: the provider's error code is short, anything longer is noise.
        detail: { method: "oidc", reason: (error ?? "state").slice(0, 100) },
        ip,
      });
      return refuse(c, "Inloggningen via Microsoft avbröts eller tog för lång tid. Försök igen.");
    }
    let claims: Awaited<ReturnType<typeof finishAuthorization>>;
    try {
      claims = await finishAuthorization(
        config,
        code,
        flow.codeVerifier,
        flow.nonce,
        c.get("now")(),
      );
    } catch (err) {
      await audit(db, {
        userId: null,
        action: "login.failed",
        detail: { method: "oidc", reason: err instanceof Error ? err.message : String(err) },
        ip,
      });
      return refuse(c, "Inloggningen via Microsoft kunde inte bekräftas. Försök igen.");
    }
    const email = emailFromClaims(claims);
    const user = email ? await findUserByEmail(db, email) : undefined;
    // Once linked, an account follows the provider's stable subject, not a reassigned address.
    const subjectMismatch = !!user?.oidcSubject && user.oidcSubject !== claims.sub;
    if (!user?.active || subjectMismatch) {
      await audit(db, {
        userId: user?.id ?? null,
        action: "login.sso_refused",
        target: email ?? claims.sub,
        detail: { reason: !user ? "unknown" : !user.active ? "inactive" : "subject" },
        ip,
      });
      return refuse(
        c,
        `Det finns inget aktivt konto i Genomförd för ${email ?? "ditt konto"}. Be en administratör att lägga upp dig.`,
      );
    }
    if (!user.oidcSubject) {
      await linkOidcSubject(db, user.id, claims.sub);
    }
    await signIn(c, user.id);
    await audit(db, {
      userId: user.id,
      action: "login.ok",
      target: user.email,
      detail: { method: "oidc" },
      ip,
    });
    return c.redirect(flow.next, 303);
  });

function readFlow(raw: string | undefined): Flow | null {
  if (!raw) return null;
  try {
    const json = new TextDecoder().decode(decodeBase64urlIgnorePadding(raw));
    const flow = JSON.parse(json) as Partial<Flow>;
    if (
      typeof flow.state === "string" &&
      typeof flow.codeVerifier === "string" &&
      typeof flow.nonce === "string"
    ) {
      return {
        state: flow.state,
        codeVerifier: flow.codeVerifier,
        nonce: flow.nonce,
        next: safeNext(flow.next),
      };
    }
  } catch {}
  return null;
}
