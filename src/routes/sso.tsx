/**
 * Single sign-on with any standard OpenID provider (Entra ID, e-legitimation brokers …).
 * The state, PKCE verifier, nonce and return path live for ten minutes in one HttpOnly cookie
 * scoped to /login/sso. A verified e-mail signs in only a pre-created, active account.
 */
import { decodeBase64urlIgnorePadding, encodeBase64url } from "@oslojs/encoding";
import { type Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { isSecureOrigin } from "../auth/cookie";
import {
  endSessionUrl,
  finishAuthorization,
  OidcConfigError,
  OidcUnreachableError,
  type SignInResult,
  startAuthorization,
} from "../auth/oidc";
import { ssoIdentity } from "../auth/oidc-claims";
import { ssoLabel } from "../auth/oidc-config";
import type { AppEnv } from "../env";
import { audit } from "../services/audit";
import { findUserByEmail, linkOidcSubject } from "../services/users";
import { loginPage, safeNext, signIn } from "./auth";
import { ssoMessages } from "./sso-messages";

const FLOW_COOKIE = "genomford_oidc";
const FLOW_PATH = "/login/sso";

interface Flow {
  state: string;
  codeVerifier: string;
  nonce: string;
  next: string;
}

/** A provider we cannot use right now: its fault (unreachable) or our settings' (misconfigured). */
function unavailable(c: Context<AppEnv>, err: unknown) {
  const text = ssoMessages(ssoLabel(c.get("oidc")!));
  return loginPage(
    c,
    { error: err instanceof OidcConfigError ? text.misconfigured : text.unreachable },
    503,
  );
}

const refuse = (c: Context<AppEnv>, error: string) => loginPage(c, { error }, 403);

export const ssoRoutes = new Hono<AppEnv>()
  .get("/login/sso", async (c) => {
    const config = c.get("oidc");
    if (!config) return c.notFound();
    let start: Awaited<ReturnType<typeof startAuthorization>>;
    try {
      start = await startAuthorization(config, c.get("now")());
    } catch (err) {
      console.error("OIDC: sign-in cannot start:", err instanceof Error ? err.message : err);
      return unavailable(c, err);
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
    const text = ssoMessages(ssoLabel(config));
    const db = c.get("db");
    const ip = c.get("clientIp");
    const flow = readFlow(getCookie(c, FLOW_COOKIE));
    deleteCookie(c, FLOW_COOKIE, { path: FLOW_PATH, secure: isSecureOrigin(c) });
    const { code, state, error } = c.req.query();
    const failed = (reason: string) =>
      // Anyone can call this URL: keep what it sends short in the audit log.
      audit(db, {
        userId: null,
        action: "login.failed",
        detail: { method: "oidc", reason: reason.slice(0, 200) },
        ip,
      });
    if (error || !code || !flow || state !== flow.state) {
      await failed((error ?? "state").slice(0, 100));
      return refuse(c, text.aborted);
    }
    let result: SignInResult;
    try {
      result = await finishAuthorization(
        config,
        code,
        flow.codeVerifier,
        flow.nonce,
        c.get("now")(),
      );
    } catch (err) {
      await failed(err instanceof Error ? err.message : String(err));
      if (err instanceof OidcUnreachableError || err instanceof OidcConfigError) {
        console.error("OIDC: sign-in cannot finish:", err.message);
        return unavailable(c, err);
      }
      return refuse(c, text.unverifiable);
    }
    const { claims, idToken } = result;
    const identity = ssoIdentity(claims);
    const refused = (reason: string, target: string, userId: number | null = null) =>
      audit(db, {
        userId,
        action: "login.sso_refused",
        target,
        detail: reason === "subject" ? { reason, rejectedSub: claims.sub } : { reason },
        ip,
      });
    if (!identity.ok) {
      await refused(identity.reason, identity.reason === "no_email" ? claims.sub : identity.email);
      return refuse(
        c,
        identity.reason === "no_email" ? text.noEmail : text.unverified(identity.email),
      );
    }
    const email = identity.email;
    const user = await findUserByEmail(db, email);
    if (!user?.active) {
      await refused(user ? "inactive" : "unknown", email, user?.id ?? null);
      return refuse(c, text.noAccount(email));
    }
    // Once linked, an account follows the provider's stable subject, not a reassigned address.
    if (user.oidcSubject && user.oidcSubject !== claims.sub) {
      // Nobody signed in: the actor is the anonymous attempt, the rejected subject is kept.
      await refused("subject", email);
      return refuse(c, text.otherLogin(email));
    }
    if (!user.oidcSubject) {
      await linkOidcSubject(db, user.id, claims.sub);
    }
    await signIn(c, user.id, idToken);
    await audit(db, {
      userId: user.id,
      action: "login.ok",
      target: user.email,
      detail: { method: "oidc" },
      ip,
    });
    return c.redirect(flow.next, 303);
  });

/**
 * After "Logga ut" from an SSO session: the login page offers ending the provider's session
 * too (RP-initiated logout). Only offered, because ending an Entra session also signs the
 * browser out of Outlook and Teams. Null when the provider has no end_session_endpoint.
 */
export async function providerLogoutOffer(
  c: Context<AppEnv>,
  idToken: string,
): Promise<Response | null> {
  const config = c.get("oidc");
  if (!config) return null;
  const url = await endSessionUrl(config, idToken, c.get("now")());
  if (!url) return null;
  const text = ssoMessages(ssoLabel(config));
  return loginPage(c, {
    notice: text.loggedOut,
    providerLogout: { url: url.toString(), label: text.logoutAtProvider },
  });
}

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
