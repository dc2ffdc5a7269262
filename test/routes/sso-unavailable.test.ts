/**
 * A provider that hangs, and settings that do not fit the provider: each gets its Swedish
 * page at once, and the settings are reported on /healthz and in the start-up log.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema";
import { createApp } from "../../src/app";
import type { OidcConfig } from "../../src/auth/oidc-config";
import { checkOidc, describeOidcHealth } from "../../src/auth/oidc-health";
import { DEFAULT_TIMEOUT_MS } from "../../src/auth/oidc-http";
import { userWithPassword } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { cookieFrom } from "../helpers/http";
import {
  AWKWARD_SECRET,
  REDIRECT_URI,
  startSilentServer,
  startTestProvider,
  type TestProvider,
} from "../helpers/oidc-provider";
import { ProviderBrowser } from "../helpers/sso-browser";

const TIMEOUT_MS = 300;

describe("single sign-on when the provider hangs or the settings are wrong", () => {
  let t: TestDb;
  let provider: TestProvider;
  let silent: Awaited<ReturnType<typeof startSilentServer>>;
  let entraLike: Server;
  let entraLikeUrl: string;
  const base = (over: Partial<OidcConfig>): OidcConfig => ({
    issuer: provider.issuer,
    clientId: "genomford",
    clientSecret: AWKWARD_SECRET,
    redirectUri: REDIRECT_URI,
    label: "Freja eID",
    timeoutMs: TIMEOUT_MS,
    ...over,
  });

  beforeAll(async () => {
    t = await createTestDb();
    await userWithPassword(t.db, "cecilia@kommun.se", "x".repeat(12));
    provider = await startTestProvider({
      conformIdTokenClaims: false,
      clients: [
        { client_id: "genomford", client_secret: AWKWARD_SECRET, redirect_uris: [REDIRECT_URI] },
      ],
    });
    provider.account = { sub: "cecilia", email: "cecilia@kommun.se" };
    silent = await startSilentServer();
    // Like Entra: discovery under the domain name names the tenant GUID as the issuer.
    entraLike = createServer((req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          issuer: `${entraLikeUrl}/0b5c1a3e-1111-4c1e-9d6e-5f0f6c7e8a9b/v2.0`,
          authorization_endpoint: `${entraLikeUrl}/authorize`,
          token_endpoint: `${entraLikeUrl}/token`,
          jwks_uri: `${entraLikeUrl}/keys`,
          path: req.url,
        }),
      );
    });
    await new Promise<void>((resolve) => entraLike.listen(0, "127.0.0.1", resolve));
    entraLikeUrl = `http://127.0.0.1:${(entraLike.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await provider.stop();
    await silent.stop();
    entraLike.closeAllConnections();
    await new Promise((resolve) => entraLike.close(resolve));
    t.cleanup();
  });

  const lastAudit = async () => (await t.db.select().from(auditLog).orderBy(auditLog.id)).at(-1);

  /** /login/sso, the provider's sign-in, then our callback (which meets the hanging part). */
  async function callback(app: ReturnType<typeof createApp>) {
    const start = await app.request("/login/sso");
    const back = await new ProviderBrowser().followToApp(start.headers.get("location")!);
    return app.request(back.pathname + back.search, {
      headers: { cookie: cookieFrom(start, "genomford_oidc")! },
    });
  }

  it("waits 5–10 s by default for each request to the provider", () => {
    expect(DEFAULT_TIMEOUT_MS).toBeGreaterThanOrEqual(5_000);
    expect(DEFAULT_TIMEOUT_MS).toBeLessThanOrEqual(10_000);
  });

  it("shows the 'unreachable' page when discovery never answers", async () => {
    const app = createApp({ db: t.db, oidc: base({ issuer: silent.url }) });
    const res = await app.request("/login/sso");
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("Inloggning via Freja eID går inte att nå just nu");
  });

  it.each([
    ["the token endpoint", { tokenEndpoint: "/token" }],
    ["the JWKS", { jwksUri: "/jwks" }],
  ])("shows the 'unreachable' page when %s never answers", async (_what, hang) => {
    const endpoints = {
      authorizationEndpoint: `${provider.issuer}/auth`,
      tokenEndpoint: `${provider.issuer}/token`,
      jwksUri: `${provider.issuer}/jwks`,
    };
    for (const [k, path] of Object.entries(hang)) {
      endpoints[k as keyof typeof endpoints] = `${silent.url}${path}`;
    }
    const app = createApp({ db: t.db, oidc: base(endpoints) });
    const res = await callback(app);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("går inte att nå just nu");
    expect(await lastAudit()).toMatchObject({
      action: "login.failed",
      detail: { reason: expect.stringContaining(`within ${TIMEOUT_MS} ms`) },
    });
  });

  it("reports a trailing slash in the issuer on /healthz, at start and at the click", async () => {
    const oidc = base({ issuer: `${provider.issuer}/` });
    const app = createApp({ db: t.db, oidc });
    const health = await app.request("/healthz");
    expect(health.status).toBe(503);
    const body = (await health.json()) as {
      ok: boolean;
      oidc: { status: string; message: string };
    };
    expect(body.ok).toBe(false);
    expect(body.oidc.status).toBe("misconfigured");
    expect(body.oidc.message).toContain(`discovery-dokument anger issuer "${provider.issuer}"`);
    const line = describeOidcHealth(await checkOidc(oidc, new Date()));
    expect(line).toContain("FEL i inställningarna");
    expect(line).toContain(`Sätt OIDC_ISSUER=${provider.issuer}`);
    const click = await app.request("/login/sso");
    expect(click.status).toBe(503);
    expect(await click.text()).toContain("Inloggning via Freja eID är felaktigt inställd");
  });

  it("names the tenant GUID when the issuer holds the domain name (Entra)", async () => {
    const oidc = base({ issuer: `${entraLikeUrl}/kommun.onmicrosoft.com/v2.0` });
    const health = await checkOidc(oidc, new Date());
    expect(health.status).toBe("misconfigured");
    expect(health.status === "misconfigured" && health.message).toContain(
      `Sätt OIDC_ISSUER=${entraLikeUrl}/0b5c1a3e-1111-4c1e-9d6e-5f0f6c7e8a9b/v2.0`,
    );
  });

  it("reports working settings as ok, and an unreachable provider as a warning only", async () => {
    const ok = await createApp({ db: t.db, oidc: base({}) }).request("/healthz");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, oidc: { status: "ok", issuer: provider.issuer } });
    const down = await createApp({ db: t.db, oidc: base({ issuer: silent.url }) }).request(
      "/healthz",
    );
    expect(down.status).toBe(200);
    expect(await down.json()).toMatchObject({ ok: true, oidc: { status: "unreachable" } });
    expect(describeOidcHealth(await checkOidc(base({}), new Date()))).toBe(
      `Inloggning via OpenID Connect: ${provider.issuer} (discovery OK)`,
    );
    const plain = await createApp({ db: t.db }).request("/healthz");
    expect(await plain.json()).toEqual({ ok: true });
  });

  it("reports a redirect URI that does not end in /login/sso/callback", async () => {
    const health = await checkOidc(
      base({ redirectUri: "https://g.kommun.se/callback" }),
      new Date(),
    );
    expect(health).toMatchObject({ status: "misconfigured" });
    expect(describeOidcHealth(health)).toContain(
      "OIDC_REDIRECT_URI ska sluta på /login/sso/callback",
    );
  });
});
