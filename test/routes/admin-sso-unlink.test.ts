/**
 * "Koppla bort inloggningskonto": after the app is registered anew at the provider every
 * `sub` changes; admin clears the old link and the next SSO sign-in links the new one.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "../../db/schema";
import { createApp } from "../../src/app";
import { loginAs, userWithPassword } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { postForm } from "../helpers/http";
import {
  AWKWARD_SECRET,
  REDIRECT_URI,
  startTestProvider,
  type TestProvider,
} from "../helpers/oidc-provider";
import { ProviderBrowser, ssoRoundTrip } from "../helpers/sso-browser";

describe("admin: unlink an account from its SSO login", () => {
  let t: TestDb;
  let provider: TestProvider;
  let app: ReturnType<typeof createApp>;
  let admin: { cookie: string; userId: number };
  let davidId: number;

  beforeAll(async () => {
    t = await createTestDb();
    provider = await startTestProvider({
      conformIdTokenClaims: true,
      clients: [
        { client_id: "genomford", client_secret: AWKWARD_SECRET, redirect_uris: [REDIRECT_URI] },
      ],
    });
    provider.account = { sub: "ny-registrering-sub", email: "david@kommun.se" };
    app = createApp({
      db: t.db,
      oidc: {
        issuer: provider.issuer,
        clientId: "genomford",
        clientSecret: AWKWARD_SECRET,
        redirectUri: REDIRECT_URI,
        label: "Microsoft",
      },
    });
    admin = await loginAs(t.db, "admin");
    davidId = await userWithPassword(t.db, "david@kommun.se", "x".repeat(12));
    await t.db.update(users).set({ oidcSubject: "gammal-sub" }).where(eq(users.id, davidId));
  });
  afterAll(async () => {
    await provider.stop();
    t.cleanup();
  });

  const david = () => t.db.query.users.findFirst({ where: eq(users.id, davidId) });

  it("clears the link (audited), after which the next sign-in links the new sub", async () => {
    expect((await ssoRoundTrip(app, new ProviderBrowser())).res.status).toBe(403);

    const page = await app.request(`/admin/users/${davidId}`, {
      headers: { cookie: admin.cookie },
    });
    const html = await page.text();
    expect(html).toContain("kopplad till inloggningskonto hos Microsoft");
    expect(html).toContain("Koppla bort inloggningskonto");

    const res = await postForm(
      app,
      `/admin/users/${davidId}/unlink-sso`,
      {},
      { cookie: admin.cookie },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Inloggningskontot är bortkopplat");
    expect((await david())?.oidcSubject).toBeNull();
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "user.sso_unlinked"));
    expect(row).toMatchObject({
      userId: admin.userId,
      target: "david@kommun.se",
      detail: { sub: "gammal-sub" },
    });

    expect((await ssoRoundTrip(app, new ProviderBrowser())).res.status).toBe(303);
    expect((await david())?.oidcSubject).toBe("ny-registrering-sub");
  });

  it("says so when the account has no link, and only admin may unlink", async () => {
    const plain = await userWithPassword(t.db, "utan.sso@kommun.se", "x".repeat(12));
    const res = await postForm(
      app,
      `/admin/users/${plain}/unlink-sso`,
      {},
      { cookie: admin.cookie },
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("är inte kopplat till något inloggningskonto");
    const hr = await loginAs(t.db, "hr");
    const refused = await postForm(
      app,
      `/admin/users/${davidId}/unlink-sso`,
      {},
      { cookie: hr.cookie },
    );
    expect(refused.status).toBe(403);
    expect((await david())?.oidcSubject).toBe("ny-registrering-sub");
  });
});
