import { describe, expect, it } from "vitest";
import { oidcConfigFromEnv, providerLabel } from "../../src/auth/oidc-config";

const REQUIRED = {
  OIDC_ISSUER: "https://login.microsoftonline.com/t/v2.0",
  OIDC_CLIENT_ID: "app",
  OIDC_REDIRECT_URI: "https://g.example/login/sso/callback",
};

describe("OIDC configuration", () => {
  it("is off without variables and complete with the required ones", () => {
    expect(oidcConfigFromEnv({})).toBeNull();
    expect(oidcConfigFromEnv({ ...REQUIRED, OIDC_CLIENT_SECRET: " " })).toMatchObject({
      issuer: "https://login.microsoftonline.com/t/v2.0",
      clientSecret: null,
      label: "Microsoft",
    });
  });

  it("refuses a half configuration instead of silently turning SSO off", () => {
    expect(() => oidcConfigFromEnv({ OIDC_ISSUER: "https://x" })).toThrow(/set together/);
  });

  it("refuses an unknown token authentication method", () => {
    expect(() => oidcConfigFromEnv({ ...REQUIRED, OIDC_TOKEN_AUTH_METHOD: "basic" })).toThrow(
      /client_secret_basic, client_secret_post, none/,
    );
    expect(
      oidcConfigFromEnv({ ...REQUIRED, OIDC_TOKEN_AUTH_METHOD: "client_secret_post" }),
    ).toMatchObject({ tokenAuthMethod: "client_secret_post" });
  });

  it.each([
    ["Freja eID", "https://idp.example.se", "Freja eID"],
    ["Logga in med Microsoft-konto", "https://login.microsoftonline.com/t/v2.0", "Microsoft-konto"],
    ["logga in via BankID", "https://idp.example.se", "BankID"],
    [undefined, "https://login.microsoftonline.com/t/v2.0", "Microsoft"],
    [undefined, "https://idp.kommun.se/oidc", "idp.kommun.se"],
  ])("names the provider from OIDC_LABEL %j and issuer %s", (label, issuer, name) => {
    expect(providerLabel(label, issuer)).toBe(name);
  });
});
