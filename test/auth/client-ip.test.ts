import { describe, expect, it } from "vitest";
import { lastForwardedFor, nodeClientIp } from "../../src/auth/client-ip";

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

describe("nodeClientIp (TRUST_PROXY and the socket fallback)", () => {
  const socket = "127.0.0.1";
  it.each([
    // trustProxy, X-Forwarded-For, socket → key for rate limits and the audit log
    [true, "203.0.113.66, 192.0.2.7", socket, "192.0.2.7"],
    [true, undefined, socket, socket], // no header behind the proxy: still limited, per socket
    [true, " , ", socket, socket],
    [false, "192.0.2.7", socket, socket], // without TRUST_PROXY the header is ignored
    [false, undefined, undefined, null],
  ])("trust %j, XFF %j, socket %j → %j", (trustProxy, forwardedFor, socketAddress, expected) => {
    expect(nodeClientIp({ trustProxy, forwardedFor, socketAddress })).toBe(expected);
  });
});
