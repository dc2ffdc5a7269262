import { describe, expect, it } from "vitest";
import { lastForwardedFor } from "../../src/auth/client-ip";

describe("lastForwardedFor", () => {
  it.each([
    // A client's own X-Forwarded-For comes first; the proxy appends what it saw.
    ["203.0.113.66, 192.0.2.7", "192.0.2.7"],
    ["1.1.1.1,2.2.2.2, 192.0.2.7 ", "192.0.2.7"],
    ["192.0.2.7", "192.0.2.7"],
    ["2001:db8::1", "2001:db8::1"],
    ["", null],
    [" , ", null],
    [undefined, null],
  ])("%j → %j", (header, expected) => {
    expect(lastForwardedFor(header)).toBe(expected);
  });
});
