import { describe, expect, it } from "vitest";
import { emailFromClaims, type IdTokenClaims } from "../../src/auth/oidc";
import { oidcConfigFromEnv } from "../../src/auth/oidc-config";

const base = { iss: "i", sub: "s", aud: "a", exp: 1 } satisfies IdTokenClaims;

describe("OIDC configuration and claims", () => {
  it("is off without variables and complete with the four required ones", () => {
    expect(oidcConfigFromEnv({})).toBeNull();
    expect(
      oidcConfigFromEnv({
        OIDC_ISSUER: "https://login.microsoftonline.com/t/v2.0",
        OIDC_CLIENT_ID: "app",
        OIDC_CLIENT_SECRET: " ",
        OIDC_REDIRECT_URI: "https://g.example/login/sso/callback",
      }),
    ).toMatchObject({ issuer: "https://login.microsoftonline.com/t/v2.0", clientSecret: null });
  });

  it("refuses a half configuration instead of silently turning SSO off", () => {
    expect(() => oidcConfigFromEnv({ OIDC_ISSUER: "https://x" })).toThrow(/set together/);
  });

  it.each([
    [{ email: " Anna@Stockholm.se " }, "anna@stockholm.se"],
    [{ preferred_username: "anna@stockholm.se" }, "anna@stockholm.se"],
    [{ email: "anna@stockholm.se", preferred_username: "other@x.se" }, "anna@stockholm.se"],
    [{ preferred_username: "anna" }, null],
    [{}, null],
  ])("takes the e-mail from %j", (claims, email) => {
    expect(emailFromClaims({ ...base, ...claims })).toBe(email);
  });
});
