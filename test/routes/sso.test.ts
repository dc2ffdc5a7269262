/**
 * OpenID Connect round trip against oauth2-mock-server on 127.0.0.1: it lets a test edit the
 * signed ID token (nonce, audience, issuer, expiry, a payload changed after signing).
 * test/routes/sso-provider.test.ts runs the flow against panva's certified oidc-provider.
 */
import { eq } from "drizzle-orm";
import { OAuth2Server } from "oauth2-mock-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "../../db/schema";
import { createApp } from "../../src/app";
import { SESSION_COOKIE } from "../../src/auth/cookie";
import { userWithPassword } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { cookieFrom } from "../helpers/http";

type Payload = Record<string, unknown>;

describe("single sign-on (OIDC)", () => {
  let t: TestDb;
  let provider: OAuth2Server;
  let app: ReturnType<typeof createApp>;
  /** Changes the next ID token's claims (runs after the provider filled them in). */
  let patch: (payload: Payload) => void = () => {};
  let tamper: ((idToken: string) => string) | null = null;

  beforeAll(async () => {
    t = await createTestDb();
    provider = new OAuth2Server();
    await provider.issuer.keys.generate("RS256");
    await provider.start(0, "127.0.0.1");
    provider.issuer.url = `http://127.0.0.1:${provider.address().port}`;
    provider.service.on("beforeTokenSigning", (token: { payload: Payload }) => {
      if (token.payload.aud === "genomford" || "nonce" in token.payload) patch(token.payload);
    });
    provider.service.on("beforeResponse", (response: { body: Record<string, string> }) => {
      if (tamper && response.body.id_token) response.body.id_token = tamper(response.body.id_token);
    });
    app = createApp({
      db: t.db,
      oidc: {
        issuer: provider.issuer.url,
        clientId: "genomford",
        clientSecret: "hemlig-nyckel",
        redirectUri: "http://localhost/login/sso/callback",
        label: "Microsoft",
      },
    });
    await userWithPassword(t.db, "anna.andersson@stockholm.se", "lösenord som ingen vet", {
      role: "ledning",
    });
  });
  afterEach(() => {
    patch = () => {};
    tamper = null;
  });
  afterAll(async () => {
    await provider.stop();
    t.cleanup();
  });

  const asEmail = (email: string) => (p: Payload) => {
    p.email = email;
  };

  /** Browser steps: our /login/sso → provider's authorize → back to our callback. */
  async function roundTrip(next = "/", edit: (callback: URL) => void = () => {}) {
    const start = await app.request(`/login/sso?next=${encodeURIComponent(next)}`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get("location")!);
    const flow = cookieFrom(start, "genomford_oidc");
    const back = await fetch(authorize, { redirect: "manual" });
    expect(back.status).toBe(302);
    const callback = new URL(back.headers.get("location")!);
    edit(callback);
    const res = await app.request(callback.pathname + callback.search, {
      headers: flow ? { cookie: flow } : {},
    });
    return { start, authorize, res };
  }

  const lastAudit = async () => (await t.db.select().from(auditLog).orderBy(auditLog.id)).at(-1);

  it("offers the SSO button on the login page", async () => {
    expect(await (await app.request("/login")).text()).toContain("Logga in med Microsoft");
  });

  it("signs in a pre-created account by e-mail with PKCE, state and nonce", async () => {
    patch = asEmail("Anna.Andersson@stockholm.se");
    const { start, authorize, res } = await roundTrip("/?enhet=Sätra");
    expect(authorize.origin).toBe(provider.issuer.url);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get("state")).toBeTruthy();
    expect(authorize.searchParams.get("nonce")).toBeTruthy();
    expect(authorize.searchParams.get("scope")).toBe("openid profile email");
    const flowCookie = start.headers.getSetCookie().join("");
    expect(flowCookie).toContain("HttpOnly");
    expect(flowCookie).toContain("Path=/login/sso");
    expect(flowCookie).toContain("Max-Age=600");

    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/?enhet=Sätra");
    const session = cookieFrom(res, SESSION_COOKIE)!;
    expect((await app.request("/", { headers: { cookie: session } })).status).toBe(200);
    const user = await t.db.query.users.findFirst({
      where: eq(users.email, "anna.andersson@stockholm.se"),
    });
    expect(user?.oidcSubject).toBe("johndoe");
    expect(await lastAudit()).toMatchObject({ action: "login.ok", detail: { method: "oidc" } });
  });

  it("refuses an e-mail without an account, in Swedish, and audits it", async () => {
    patch = asEmail("okand@stockholm.se");
    const { res } = await roundTrip();
    expect(res.status).toBe(403);
    expect(await res.text()).toContain(
      "Det finns inget aktivt konto i Genomförd för okand@stockholm.se",
    );
    expect(cookieFrom(res, SESSION_COOKIE)).toBeNull();
    expect(await lastAudit()).toMatchObject({
      action: "login.sso_refused",
      target: "okand@stockholm.se",
    });
  });

  it("refuses a deactivated account", async () => {
    await userWithPassword(t.db, "slutat@stockholm.se", "x".repeat(12), { active: false });
    patch = asEmail("slutat@stockholm.se");
    expect((await roundTrip()).res.status).toBe(403);
  });

  it("refuses an account already linked to another subject", async () => {
    const id = await userWithPassword(t.db, "bytt@stockholm.se", "x".repeat(12));
    await t.db.update(users).set({ oidcSubject: "someone-else" }).where(eq(users.id, id));
    patch = asEmail("bytt@stockholm.se");
    expect((await roundTrip()).res.status).toBe(403);
    expect(await lastAudit()).toMatchObject({ detail: { reason: "subject" } });
  });

  it.each([
    ["a changed nonce", (p: Payload) => Object.assign(p, { nonce: "annan" }), "nonce mismatch"],
    ["another audience", (p: Payload) => Object.assign(p, { aud: "annan-app" }), "wrong audience"],
    [
      "another issuer",
      (p: Payload) => Object.assign(p, { iss: "https://evil.example" }),
      "wrong issuer",
    ],
    [
      "an expired token",
      (p: Payload) => Object.assign(p, { exp: Math.floor(Date.now() / 1000) - 3600 }),
      "ID token expired",
    ],
  ])("refuses an ID token with %s", async (_, edit, reason) => {
    patch = (p) => {
      p.email = "anna.andersson@stockholm.se";
      edit(p);
    };
    const { res } = await roundTrip();
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("kunde inte bekräftas");
    expect(await lastAudit()).toMatchObject({ action: "login.failed", detail: { reason } });
  });

  it("refuses an ID token whose payload was changed after signing", async () => {
    patch = asEmail("okand@stockholm.se");
    tamper = (jwt) => {
      const [h, p, s] = jwt.split(".");
      const claims = JSON.parse(Buffer.from(p!, "base64url").toString());
      claims.email = "anna.andersson@stockholm.se";
      return [h, Buffer.from(JSON.stringify(claims)).toString("base64url"), s].join(".");
    };
    const { res } = await roundTrip();
    expect(res.status).toBe(403);
    expect(await lastAudit()).toMatchObject({ detail: { reason: "bad ID token signature" } });
  });

  it("refuses a callback whose state does not match, or without the flow cookie", async () => {
    patch = asEmail("anna.andersson@stockholm.se");
    const forged = await roundTrip("/", (cb) => cb.searchParams.set("state", "forged"));
    expect(forged.res.status).toBe(403);
    const res = await app.request("/login/sso/callback?code=abc&state=abc");
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("avbröts eller tog för lång tid");
  });

  it("keeps an anonymous callback's error text short in the audit log", async () => {
    const res = await app.request(`/login/sso/callback?error=${"x".repeat(5000)}`);
    expect(res.status).toBe(403);
    expect((await lastAudit())?.detail).toEqual({ method: "oidc", reason: "x".repeat(100) });
  });

  it("says so in Swedish when the provider cannot be reached", async () => {
    const unreachable = createApp({
      db: t.db,
      oidc: {
        issuer: "http://127.0.0.1:9/nowhere",
        clientId: "genomford",
        clientSecret: null,
        redirectUri: "http://localhost/login/sso/callback",
      },
    });
    const res = await unreachable.request("/login/sso");
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("går inte att nå just nu");
  });

  it("is off (404) when no provider is configured", async () => {
    const plain = createApp({ db: t.db });
    expect((await plain.request("/login/sso")).status).toBe(404);
    expect(await (await plain.request("/login")).text()).not.toContain("Microsoft");
  });
});
