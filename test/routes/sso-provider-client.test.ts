/**
 * SSO against oidc-provider: how we authenticate at the token endpoint, the provider's
 * logout, and how long discovery and the JWKS are trusted.
 */
import { OAuth2Client } from "arctic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { SESSION_COOKIE } from "../../src/auth/cookie";
import type { OidcConfig } from "../../src/auth/oidc-config";
import { endpointsFor } from "../../src/auth/oidc-discovery";
import { exchangeCode } from "../../src/auth/oidc-token";
import { userWithPassword } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { cookieFrom, postForm } from "../helpers/http";
import {
  AWKWARD_SECRET,
  REDIRECT_URI,
  startTestProvider,
  type TestProvider,
} from "../helpers/oidc-provider";
import { ProviderBrowser, ssoRoundTrip } from "../helpers/sso-browser";

const EMAIL = "berit@kommun.se";

describe("single sign-on with oidc-provider: client authentication, logout, caches", () => {
  let t: TestDb;
  let basic: TestProvider;
  let postOnly: TestProvider;
  let clockOffsetMs = 0;
  const now = () => new Date(Date.now() + clockOffsetMs);
  const config = (p: TestProvider): OidcConfig => ({
    issuer: p.issuer,
    clientId: "genomford",
    clientSecret: AWKWARD_SECRET,
    redirectUri: REDIRECT_URI,
    label: "Freja eID",
  });
  const client = { client_id: "genomford", client_secret: AWKWARD_SECRET };

  beforeAll(async () => {
    t = await createTestDb();
    await userWithPassword(t.db, EMAIL, "x".repeat(12));
    basic = await startTestProvider({
      conformIdTokenClaims: true,
      clients: [
        {
          ...client,
          redirect_uris: [REDIRECT_URI],
          post_logout_redirect_uris: ["http://localhost/login"],
        },
      ],
    });
    postOnly = await startTestProvider({
      conformIdTokenClaims: false,
      clientAuthMethods: ["client_secret_post"],
      clients: [
        {
          ...client,
          redirect_uris: [REDIRECT_URI],
          token_endpoint_auth_method: "client_secret_post",
        },
      ],
    });
    for (const p of [basic, postOnly]) p.account = { sub: "berit", email: EMAIL };
  });
  afterAll(async () => {
    await basic.stop();
    await postOnly.stop();
    t.cleanup();
  });

  it("sends a secret with + : % and spaces form-encoded in the Basic header (arctic does not)", async () => {
    const tokenEndpoint = `${basic.issuer}/token`;
    // arctic 3.7 base64-encodes the raw secret: the provider decodes "+" to a space.
    const arctic = new OAuth2Client("genomford", AWKWARD_SECRET, REDIRECT_URI);
    await expect(
      arctic.validateAuthorizationCode(tokenEndpoint, "no-such-code", "v".repeat(43)),
    ).rejects.toMatchObject({ code: "invalid_client" });
    // Ours gets past client authentication to the (expected) refusal of a made-up code.
    const endpoints = await endpointsFor(config(basic), now());
    await expect(
      exchangeCode(config(basic), endpoints, "no-such-code", "v".repeat(43)),
    ).rejects.toThrow("token request refused: invalid_grant");

    const app = createApp({ db: t.db, oidc: config(basic), now });
    expect((await ssoRoundTrip(app, new ProviderBrowser())).res.status).toBe(303);
  });

  it("refuses a replayed authorisation code (our own token request keeps that)", async () => {
    const app = createApp({ db: t.db, oidc: config(basic), now });
    const { start, callback, res } = await ssoRoundTrip(app, new ProviderBrowser());
    expect(res.status).toBe(303);
    const replay = await app.request(callback.pathname + callback.search, {
      headers: { cookie: cookieFrom(start, "genomford_oidc")! },
    });
    expect(replay.status).toBe(403);
    expect(await replay.text()).toContain("Inloggningen via Freja eID kunde inte bekräftas");
    expect(cookieFrom(replay, SESSION_COOKIE)).toBeNull();
  });

  it("uses client_secret_post when the discovery document offers only that", async () => {
    const app = createApp({ db: t.db, oidc: config(postOnly), now });
    const { res } = await ssoRoundTrip(app, new ProviderBrowser());
    expect(res.status).toBe(303);
    expect(cookieFrom(res, SESSION_COOKIE)).not.toBeNull();
  });

  it("offers ending the provider's session at logout, so the next click asks again", async () => {
    const app = createApp({ db: t.db, oidc: config(basic), now });
    const browser = new ProviderBrowser();
    const first = await ssoRoundTrip(app, browser);
    const loginsAfterFirst = basic.logins;
    // Without the provider's logout its session signs the browser straight back in.
    const again = await ssoRoundTrip(app, browser);
    expect(basic.logins).toBe(loginsAfterFirst);
    await postForm(app, "/logout", {}, { cookie: cookieFrom(again.res, SESSION_COOKIE)! });

    const out = await postForm(
      app,
      "/logout",
      {},
      { cookie: cookieFrom(first.res, SESSION_COOKIE)! },
    );
    expect(out.status).toBe(200);
    const html = await out.text();
    expect(html).toContain("Du är utloggad från Genomförd, men fortfarande inloggad hos Freja eID");
    const href = html.match(/href="([^"]*session\/end[^"]*)"/)?.[1]?.replaceAll("&amp;", "&");
    expect(href).toBeDefined();
    const endSession = new URL(href!);
    expect(endSession.searchParams.get("id_token_hint")?.split(".")).toHaveLength(3);
    expect(endSession.searchParams.get("post_logout_redirect_uri")).toBe("http://localhost/login");

    const confirmPage = await browser.get(endSession.toString());
    const xsrf = (await confirmPage.text()).match(/name="xsrf" value="([^"]+)"/)?.[1];
    expect(xsrf).toBeDefined();
    const done = await browser.post(`${basic.issuer}/session/end/confirm`, {
      xsrf: xsrf!,
      logout: "yes",
    });
    expect(done.headers.get("location")).toBe("http://localhost/login");

    expect((await ssoRoundTrip(app, browser)).res.status).toBe(303);
    expect(basic.logins).toBe(loginsAfterFirst + 1);
  });

  it("logs a password session out without mentioning the provider", async () => {
    const app = createApp({ db: t.db, oidc: config(basic), now });
    const login = await postForm(app, "/login", { email: EMAIL, password: "x".repeat(12) });
    const res = await postForm(app, "/logout", {}, { cookie: cookieFrom(login, SESSION_COOKIE)! });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login");
  });

  it("trusts discovery and the JWKS for 10 minutes, then fetches them again", async () => {
    const provider = await startTestProvider({
      conformIdTokenClaims: false,
      clients: [{ ...client, redirect_uris: [REDIRECT_URI] }],
    });
    provider.account = { sub: "berit", email: EMAIL };
    const count = (path: string) => provider.hits.filter((p) => p === path).length;
    const fetched = () => [count("/.well-known/openid-configuration"), count("/jwks")];
    const app = createApp({ db: t.db, oidc: config(provider), now });
    try {
      clockOffsetMs = 0;
      await ssoRoundTrip(app, new ProviderBrowser());
      expect(fetched()).toEqual([1, 1]);
      clockOffsetMs = 9 * 60 * 1000;
      await ssoRoundTrip(app, new ProviderBrowser());
      expect(fetched()).toEqual([1, 1]);
      clockOffsetMs = 11 * 60 * 1000;
      expect((await ssoRoundTrip(app, new ProviderBrowser())).res.status).toBe(303);
      expect(fetched()).toEqual([2, 2]);
    } finally {
      clockOffsetMs = 0;
      await provider.stop();
    }
  });
});
