/**
 * The dummy hash for unknown accounts is made at start, so the first sign-in for an unknown
 * address costs one hash like every later one (a lazy dummy made it two: "just started").
 * Its own file: the dummy is per module instance, and vitest isolates files.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { prepareDummyHash } from "../../src/auth/login";
import { useScryptImplementation } from "../../src/auth/password";
import { useNodeScrypt } from "../../src/cli/node-scrypt";
import { createTestDb, type TestDb } from "../helpers/db";
import { postForm } from "../helpers/http";

describe("dummy hash at start", () => {
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

  it("costs one hash at start and one per unknown sign-in from the very first", async () => {
    await prepareDummyHash();
    expect(calls).toBe(1);
    const app = createApp({ db: t.db, clientIp: () => "203.0.113.9" });
    calls = 0;
    const first = await postForm(app, "/login", { email: "ingen@test.se", password: "x" });
    expect(first.status).toBe(401);
    expect(calls).toBe(1);
    calls = 0;
    await postForm(app, "/login", { email: "ingen-heller@test.se", password: "x" });
    expect(calls).toBe(1);
  });

  it("the Node server prepares it before it listens", async () => {
    const { readFile } = await import("node:fs/promises");
    const server = await readFile(new URL("../../src/server.ts", import.meta.url), "utf8");
    const prepared = server.indexOf("await prepareDummyHash()");
    expect(prepared).toBeGreaterThan(0);
    expect(prepared).toBeLessThan(server.indexOf("serve("));
  });
});
