/**
 * SSO against panva's certified oidc-provider, in both modes a provider may use: profile
 * claims in the ID token, or (conformIdTokenClaims, OIDC Core §5.4) only from userinfo.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, sessions, users } from "../../db/schema";
import { createApp } from "../../src/app";
import { SESSION_COOKIE } from "../../src/auth/cookie";
import { userWithPassword } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { cookieFrom } from "../helpers/http";
import {
  AWKWARD_SECRET,
  REDIRECT_URI,
  startTestProvider,
  type TestProvider,
} from "../helpers/oidc-provider";
import { ProviderBrowser, ssoRoundTrip } from "../helpers/sso-browser";

describe.each([
  ["claims in the ID token", false],
  ["claims only from userinfo", true],
])("single sign-on with oidc-provider: %s", (_mode, conformIdTokenClaims) => {
  let t: TestDb;
  let provider: TestProvider;
  let app: ReturnType<typeof createApp>;
  let sub = 0;

  beforeAll(async () => {
    t = await createTestDb();
    provider = await startTestProvider({
      conformIdTokenClaims,
      clients: [
        {
          client_id: "genomford",
          client_secret: AWKWARD_SECRET,
          redirect_uris: [REDIRECT_URI],
          post_logout_redirect_uris: ["http://localhost/login"],
        },
      ],
    });
    app = createApp({
      db: t.db,
      oidc: {
        issuer: provider.issuer,
        clientId: "genomford",
        clientSecret: AWKWARD_SECRET,
        redirectUri: REDIRECT_URI,
        label: "Freja eID",
      },
    });
  });
  afterAll(async () => {
    await provider.stop();
    t.cleanup();
  });
  beforeEach(() => {
    sub++;
    provider.account = { sub: `person-${sub}` };
  });

  const lastAudit = async () => (await t.db.select().from(auditLog).orderBy(auditLog.id)).at(-1);
  const account = (email: string) => t.db.query.users.findFirst({ where: eq(users.email, email) });

  it("signs in a pre-created account, links its sub and keeps the ID token for logout", async () => {
    await userWithPassword(t.db, "anna@kommun.se", "x".repeat(12), { role: "ledning" });
    provider.account.email = "Anna@Kommun.se";
    provider.account.email_verified = true;
    const userinfoCalls = provider.hits.filter((p) => p === "/me").length;
    const { res } = await ssoRoundTrip(app, new ProviderBrowser(), "/tackning");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/tackning");
    const session = cookieFrom(res, SESSION_COOKIE)!;
    expect((await app.request("/", { headers: { cookie: session } })).status).toBe(200);
    expect((await account("anna@kommun.se"))?.oidcSubject).toBe(provider.account.sub);
    const [row] = await t.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, (await account("anna@kommun.se"))!.id));
    expect(row?.oidcIdToken?.split(".")).toHaveLength(3);
    // Userinfo is asked only when the ID token lacks the e-mail.
    const asked = provider.hits.filter((p) => p === "/me").length - userinfoCalls;
    expect(asked).toBe(conformIdTokenClaims ? 1 : 0);
  });

  it("accepts an account when the provider sends no email_verified claim (as Entra)", async () => {
    await userWithPassword(t.db, "utan.verifiering@kommun.se", "x".repeat(12));
    provider.account.email = "utan.verifiering@kommun.se";
    expect((await ssoRoundTrip(app, new ProviderBrowser())).res.status).toBe(303);
  });

  it("refuses an explicit email_verified: false without linking the account", async () => {
    await userWithPassword(t.db, "overifierad@kommun.se", "x".repeat(12));
    provider.account.email = "overifierad@kommun.se";
    provider.account.email_verified = false;
    const { res } = await ssoRoundTrip(app, new ProviderBrowser());
    expect(res.status).toBe(403);
    expect(await res.text()).toContain(
      "Freja eID har inte bekräftat e-postadressen overifierad@kommun.se",
    );
    expect(cookieFrom(res, SESSION_COOKIE)).toBeNull();
    expect((await account("overifierad@kommun.se"))?.oidcSubject).toBeNull();
    expect(await lastAudit()).toMatchObject({
      action: "login.sso_refused",
      target: "overifierad@kommun.se",
      detail: { reason: "email_unverified" },
    });
  });

  it("says the provider sent no e-mail address, instead of 'no account'", async () => {
    const { res } = await ssoRoundTrip(app, new ProviderBrowser());
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain("Freja eID skickade ingen e-postadress");
    expect(html).not.toContain("inget aktivt konto");
    expect(await lastAudit()).toMatchObject({
      action: "login.sso_refused",
      target: provider.account.sub,
      detail: { reason: "no_email" },
    });
  });

  it("refuses an address without an account", async () => {
    provider.account.email = "okand@kommun.se";
    const { res } = await ssoRoundTrip(app, new ProviderBrowser());
    expect(res.status).toBe(403);
    expect(await res.text()).toContain(
      "Det finns inget aktivt konto i Genomförd för okand@kommun.se",
    );
    expect(await lastAudit()).toMatchObject({ detail: { reason: "unknown" } });
  });

  it("refuses an account linked to another login, naming that, and audits the rejected sub", async () => {
    const id = await userWithPassword(t.db, "lankad@kommun.se", "x".repeat(12));
    await t.db.update(users).set({ oidcSubject: "gammal-sub" }).where(eq(users.id, id));
    provider.account.email = "lankad@kommun.se";
    const { res } = await ssoRoundTrip(app, new ProviderBrowser());
    expect(res.status).toBe(403);
    expect(await res.text()).toContain(
      "Kontot för lankad@kommun.se i Genomförd är kopplat till en annan inloggning hos Freja eID",
    );
    expect(await lastAudit()).toMatchObject({
      userId: null,
      action: "login.sso_refused",
      target: "lankad@kommun.se",
      detail: { reason: "subject", rejectedSub: provider.account.sub },
    });
    expect((await account("lankad@kommun.se"))?.oidcSubject).toBe("gammal-sub");
  });

  it.runIf(conformIdTokenClaims)("refuses userinfo that names another sub", async () => {
    await userWithPassword(t.db, "annan.sub@kommun.se", "x".repeat(12));
    provider.account.email = "annan.sub@kommun.se";
    provider.account.userinfoSub = "someone-else";
    const { res } = await ssoRoundTrip(app, new ProviderBrowser());
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Inloggningen via Freja eID kunde inte bekräftas");
    expect(await lastAudit()).toMatchObject({
      action: "login.failed",
      detail: { reason: "userinfo sub differs from the ID token's" },
    });
  });
});
