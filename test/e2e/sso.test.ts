/**
 * Single sign-on in Chromium against oidc-provider (claims only from userinfo, the OIDC
 * default): the real Node server checks the issuer at start, signs in, and at logout offers
 * ending the provider's session, after which the provider asks again.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestProvider, type TestProvider } from "../helpers/oidc-provider";
import { launchBrowser } from "./browser";
import { freePort, type RunningServer, startServer } from "./server";

const SECRET = "e2e+hemlighet:med%tecken";

describe("single sign-on in a real browser", () => {
  let provider: TestProvider;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    provider = await startTestProvider({
      conformIdTokenClaims: true,
      clients: [
        {
          client_id: "genomford",
          client_secret: SECRET,
          redirect_uris: [`${base}/login/sso/callback`],
          post_logout_redirect_uris: [`${base}/login`],
        },
      ],
    });
    provider.account = { sub: "admin-sub", email: "admin@demo.se", email_verified: true };
    [server, browser] = await Promise.all([
      startServer({
        port,
        env: {
          OIDC_ISSUER: provider.issuer,
          OIDC_CLIENT_ID: "genomford",
          OIDC_CLIENT_SECRET: SECRET,
          OIDC_REDIRECT_URI: `${base}/login/sso/callback`,
          OIDC_LABEL: "Testleverantören",
        },
      }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await provider?.stop();
  });

  it("signs in, logs out at the provider too, and the next click asks the provider again", async () => {
    await expect
      .poll(() => server.output(), { timeout: 20_000 })
      .toContain(`Inloggning via OpenID Connect: ${provider.issuer} (discovery OK)`);
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByRole("link", { name: "Logga in med Testleverantören" }).click();
    await page.waitForURL(`${server.baseUrl}/`);
    expect(provider.logins).toBe(1);
    expect(provider.hits).toContain("/me");

    await page.getByRole("button", { name: "Logga ut" }).click();
    expect(await page.getByText("fortfarande inloggad hos Testleverantören").count()).toBe(1);
    await page.screenshot({ path: "test-results/sso-logged-out.png", fullPage: true });
    await page.getByRole("link", { name: "Logga ut från Testleverantören också" }).click();
    // oidc-provider's own confirmation page.
    await page.getByRole("button", { name: /sign me out/i }).click();
    await page.waitForURL(`${server.baseUrl}/login`);

    await page.getByRole("link", { name: "Logga in med Testleverantören" }).click();
    await page.waitForURL(`${server.baseUrl}/`);
    expect(provider.logins).toBe(2);
  });
});
