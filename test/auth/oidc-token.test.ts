import { describe, expect, it } from "vitest";
import { basicCredentials, formEncode, tokenAuthMethod } from "../../src/auth/oidc-token";

describe("token endpoint authentication", () => {
  it.each([
    ["plain", "plain"],
    ["a+b", "a%2Bb"],
    ["a b", "a+b"],
    ["a:b%c/d=", "a%3Ab%25c%2Fd%3D"],
  ])("form-encodes %j as %j (RFC 6749 Appendix B)", (raw, encoded) => {
    expect(formEncode(raw)).toBe(encoded);
  });

  it("puts the form-encoded id and secret in the Basic header", () => {
    expect(basicCredentials("app id", "s+c:r")).toBe(`Basic ${btoa("app+id:s%2Bc%3Ar")}`);
  });

  it.each([
    [undefined, "client_secret_basic"],
    [["client_secret_basic", "client_secret_post"], "client_secret_basic"],
    [["client_secret_post", "private_key_jwt"], "client_secret_post"],
    [["private_key_jwt"], "client_secret_basic"],
  ])("with a secret and supported methods %j uses %s", (supported, method) => {
    expect(tokenAuthMethod({ clientSecret: "s" }, supported)).toBe(method);
  });

  it("sends no secret for a public client, and follows an explicit setting", () => {
    expect(tokenAuthMethod({ clientSecret: null }, undefined)).toBe("none");
    expect(
      tokenAuthMethod({ clientSecret: "s", tokenAuthMethod: "client_secret_post" }, undefined),
    ).toBe("client_secret_post");
  });
});
