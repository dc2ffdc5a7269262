import { scryptSync } from "node:crypto";
import { scrypt } from "@noble/hashes/scrypt.js";
import { describe, expect, it } from "vitest";
import {
  CURRENT_PARAMS,
  constantTimeEqual,
  hashPassword,
  needsRehash,
  parsePasswordHash,
  scryptMemoryBytes,
  verifyPassword,
} from "../../src/auth/password";

// Small parameters keep the unit test fast; the format and replay logic are the same.
const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe("password hashes", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const stored = await hashPassword("rätt häst batteri häftklammer", FAST);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword(stored, "rätt häst batteri häftklammer")).toBe(true);
    expect(await verifyPassword(stored, "fel")).toBe(false);
  });

  it("salts: the same password hashes differently twice", async () => {
    expect(await hashPassword("x", FAST)).not.toBe(await hashPassword("x", FAST));
  });

  it("production parameters cost what OWASP's N=2^15, r=8, p=3 costs, in ≤ 16 MiB", () => {
    const { N, r, p } = CURRENT_PARAMS;
    expect(N * r * p).toBe(2 ** 15 * 8 * 3);
    expect(scryptMemoryBytes(CURRENT_PARAMS)).toBeLessThanOrEqual(16 * 2 ** 20 + 8 * 1024);
    // Four logins at once fit in half of a Workers isolate (128 MB).
    expect(4 * scryptMemoryBytes(CURRENT_PARAMS)).toBeLessThanOrEqual(64 * 2 ** 20 + 32 * 1024);
  });

  it.each([
    [
      "the old N=2^15, p=3 hashes (same cost, twice the memory)",
      "scrypt$32768$8$3$AAAA$AAAA",
      true,
    ],
    ["today's N=2^14, p=6", "scrypt$16384$8$6$AAAA$AAAA", false],
    ["a cheaper hash", "scrypt$16384$8$3$AAAA$AAAA", true],
    ["a more expensive hash (kept)", "scrypt$65536$8$3$AAAA$AAAA", false],
    ["another scheme", "pbkdf2$1$x", true],
  ])("against the production parameters, rehashes %s: %s", (_what, stored, expected) => {
    expect(needsRehash(stored, CURRENT_PARAMS)).toBe(expected);
  });

  it("asks for a rehash when the parameters rose", async () => {
    const weak = await hashPassword("x", FAST);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash("scrypt$16384$8$6$AAAA$AAAA")).toBe(false);
    expect(needsRehash("pbkdf2$1$x")).toBe(true);
  });

  it.each(["", "scrypt$1$2", "scrypt$a$8$1$AA$AA", "bcrypt$1$2$3$4$5"])(
    "rejects malformed %j",
    async (bad) => {
      expect(parsePasswordHash(bad)).toBeNull();
      expect(await verifyPassword(bad, "x")).toBe(false);
    },
  );

  it("@noble/hashes and node:crypto scrypt give identical bytes", () => {
    const salt = new Uint8Array(16).fill(7);
    const a = scrypt("lösen", salt, { ...FAST, dkLen: 32 });
    const b = scryptSync("lösen", salt, 32, FAST);
    expect(Buffer.from(a).equals(b)).toBe(true);
  });

  it("compares in constant time over equal lengths", () => {
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1]), new Uint8Array([1, 2]))).toBe(false);
  });
});
