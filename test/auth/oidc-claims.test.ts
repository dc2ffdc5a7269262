import { describe, expect, it } from "vitest";
import { emailFromClaims, type IdTokenClaims, ssoIdentity } from "../../src/auth/oidc-claims";

const base = { iss: "i", sub: "s", aud: "a", exp: 1 } satisfies IdTokenClaims;

describe("who the provider says signed in", () => {
  it.each([
    [{ email: " Anna@Stockholm.se " }, "anna@stockholm.se"],
    [{ preferred_username: "anna@stockholm.se" }, "anna@stockholm.se"],
    [{ email: "anna@stockholm.se", preferred_username: "other@x.se" }, "anna@stockholm.se"],
    [{ email: "inte-en-adress", upn: "anna@stockholm.se" }, "anna@stockholm.se"],
    [{ preferred_username: "anna" }, null],
    [{}, null],
  ])("takes the e-mail from %j", (claims, email) => {
    expect(emailFromClaims({ ...base, ...claims })).toBe(email);
  });

  it.each([
    [
      { email: "a@x.se", email_verified: true },
      { ok: true, email: "a@x.se" },
    ],
    [{ email: "a@x.se" }, { ok: true, email: "a@x.se" }],
    [
      { email: "a@x.se", email_verified: false },
      { ok: false, reason: "email_unverified" },
    ],
    [
      { email: "a@x.se", email_verified: "false" },
      { ok: false, reason: "email_unverified" },
    ],
    [{ email: "a@x.se", email_verified: "true" }, { ok: true }],
    [{ email_verified: true }, { ok: false, reason: "no_email" }],
  ])("judges the identity in %j", (claims, expected) => {
    expect(ssoIdentity({ ...base, ...claims })).toMatchObject(expected);
  });
});
