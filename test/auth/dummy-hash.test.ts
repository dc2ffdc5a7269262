/**
 * Unknown accounts are checked against a dummy that costs one scrypt to verify and none to
 * make, so the very first unknown sign-in after a start costs one hash like every later one
 * (the old lazily hashed dummy made the first cost two: "the process just started").
 * Its own file, so no earlier sign-in in the same module instance has warmed anything.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { dummyPasswordHash } from "../../src/auth/login";
import { useNodeScrypt } from "../../src/auth/node-scrypt";
import {
  parsePasswordHash,
  targetHashParams,
  useScryptImplementation,
  verifyPassword,
} from "../../src/auth/password";
import { createTestDb, type TestDb } from "../helpers/db";
import { postForm } from "../helpers/http";

describe("dummy hash for unknown accounts", () => {
  let t: TestDb;
  let calls = 0;
  beforeAll(async () => {
    t = await createTestDb();
    useScryptImplementation(async (password, salt, params) => {
      calls++;
      const { scryptAsync } = await import("@noble/hashes/scrypt.js");
      return scryptAsync(password, salt, { ...params, maxmem: 2 ** 30 });
    });
  });
  afterAll(() => {
    useNodeScrypt();
    t.cleanup();
  });

  it("the first unknown sign-in after start costs exactly one hash, like the next", async () => {
    const app = createApp({ db: t.db, clientIp: () => "203.0.113.9" });
    calls = 0;
    const first = await postForm(app, "/login", { email: "ingen@test.se", password: "x" });
    expect(first.status).toBe(401);
    expect(calls).toBe(1);
    calls = 0;
    await postForm(app, "/login", { email: "ingen-heller@test.se", password: "x" });
    expect(calls).toBe(1);
  });

  it("uses today's parameters, is made without hashing, and matches nothing", async () => {
    calls = 0;
    const dummy = dummyPasswordHash();
    expect(calls).toBe(0);
    const { N, r, p } = parsePasswordHash(dummy)!;
    expect({ N, r, p }).toEqual(targetHashParams());
    expect(dummyPasswordHash()).not.toBe(dummy); // fresh random bytes each time
    expect(await verifyPassword(dummy, "")).toBe(false);
  });
});
