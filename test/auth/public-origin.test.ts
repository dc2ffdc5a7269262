import { describe, expect, it } from "vitest";
import { publicOriginFromEnv } from "../../src/auth/public-origin";

describe("publicOriginFromEnv", () => {
  it.each([
    [{ PUBLIC_URL: "https://genomford.kommun.se/" }, "https://genomford.kommun.se"],
    [
      { PUBLIC_URL: "https://genomford.kommun.se/app", ORIGIN: "https://x.se" },
      "https://genomford.kommun.se",
    ],
    [{ ORIGIN: "https://a.kommun.se, https://b.kommun.se" }, "https://a.kommun.se"],
    [{ PUBLIC_URL: "inte en adress", ORIGIN: "https://a.kommun.se" }, "https://a.kommun.se"],
    [{ PUBLIC_URL: "javascript:alert(1)" }, null],
    [{}, null],
  ])("%j → %j", (env, expected) => {
    expect(publicOriginFromEnv(env)).toBe(expected);
  });
});
