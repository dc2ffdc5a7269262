import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, loginAttempts, users } from "../../db/schema";
import { createApp } from "../../src/app";
import { SESSION_COOKIE } from "../../src/auth/cookie";
import { useNodeScrypt } from "../../src/auth/node-scrypt";
import { targetHashParams, useScryptImplementation } from "../../src/auth/password";
import { LOGIN_WINDOW_MS } from "../../src/auth/rate-limit";
import { userWithPassword } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { cookieFrom, postForm } from "../helpers/http";

const PASSWORD = "korrekt hast batteri";
const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe("password sign-in", () => {
  let t: TestDb;
  let clock = new Date("2026-11-25T09:00:00Z");
  let app: ReturnType<typeof createApp>;
  let ip = "203.0.113.1";
  beforeAll(async () => {
    t = await createTestDb();
    app = createApp({ db: t.db, now: () => clock, clientIp: () => ip });
  });
  afterAll(() => t.cleanup());

  const login = (email: string, password: string, next?: string) =>
    postForm(app, "/login", { email, password, ...(next ? { next } : {}) });
  const actions = async (email: string) =>
    (await t.db.select().from(auditLog).where(eq(auditLog.target, email))).map((r) => r.action);

  it("signs in, sets a hardened cookie, audits with the address, and returns to next", async () => {
    await userWithPassword(t.db, "ok@test.se", PASSWORD);
    const res = await login("OK@test.se ", PASSWORD, "/rapporter?ar=2025");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/rapporter?ar=2025");
    const setCookie = res.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(new RegExp(`${SESSION_COOKIE}=[a-z2-7]{32}`));
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(setCookie).not.toContain("Secure"); // plain http on localhost only
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.action, "login.ok"));
    expect(row).toMatchObject({ target: "ok@test.se", ip });
    const home = await app.request("/", { headers: { cookie: cookieFrom(res, SESSION_COOKIE)! } });
    expect(home.status).toBe(200);
  });

  it("never redirects to another host after login", async () => {
    for (const next of [
      "//evil.example",
      "https://evil.example/",
      "/\\evil.example",
      "/\r\nSet-Cookie:x=1",
    ]) {
      const res = await login("ok@test.se", PASSWORD, next);
      expect(res.headers.get("location")).toBe("/");
    }
  });

  it("marks the cookie Secure outside localhost", async () => {
    const res = await app.request("https://genomford.example.se/login", {
      method: "POST",
      body: new URLSearchParams({ email: "ok@test.se", password: PASSWORD }),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://genomford.example.se",
      },
    });
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie().join("")).toContain("Secure");
  });

  it("refuses a wrong password in Swedish and audits it", async () => {
    const res = await login("ok@test.se", "fel lösenord");
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("Fel e-postadress eller lösenord.");
    expect(res.headers.getSetCookie().join("")).not.toContain(SESSION_COOKIE);
    expect(await actions("ok@test.se")).toContain("login.failed");
  });

  it("locks an account after 5 failures, even for the right password, until the window ends", async () => {
    await userWithPassword(t.db, "lock@test.se", PASSWORD);
    for (let i = 0; i < 5; i++) expect((await login("lock@test.se", "fel")).status).toBe(401);
    const locked = await login("lock@test.se", PASSWORD);
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain("För många misslyckade inloggningsförsök");
    expect(await actions("lock@test.se")).toContain("login.locked");
    // Another address does not help: the account's own counter holds.
    ip = "203.0.113.2";
    expect((await login("lock@test.se", PASSWORD)).status).toBe(429);
    clock = new Date(clock.getTime() + LOGIN_WINDOW_MS - 1000);
    expect((await login("lock@test.se", PASSWORD)).status).toBe(429);
    clock = new Date(clock.getTime() + 1000);
    expect((await login("lock@test.se", PASSWORD)).status).toBe(303);
    // Success forgives the account's failures.
    const [row] = await t.db
      .select()
      .from(loginAttempts)
      .where(eq(loginAttempts.key, "account:lock@test.se"));
    expect(row).toBeUndefined();
  });

  it("locks an address after 20 failures across accounts", async () => {
    ip = "198.51.100.9";
    await userWithPassword(t.db, "spray@test.se", PASSWORD);
    for (let i = 0; i < 20; i++) {
      expect((await login(`okand${i}@test.se`, "fel")).status).toBe(401);
    }
    expect((await login("spray@test.se", PASSWORD)).status).toBe(429);
    ip = "198.51.100.10";
    expect((await login("spray@test.se", PASSWORD)).status).toBe(303);
  });

  it("a burst of parallel guesses cannot slip past the account limit", async () => {
    ip = "192.0.2.77";
    await userWithPassword(t.db, "burst@test.se", PASSWORD);
    const results = await Promise.all(
      Array.from({ length: 12 }, () => login("burst@test.se", "fel")),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it("hashes for unknown accounts too, so timing does not reveal which exist", async () => {
    let calls = 0;
    useScryptImplementation(async (password, salt, params) => {
      calls++;
      const { scryptAsync } = await import("@noble/hashes/scrypt.js");
      return scryptAsync(password, salt, { ...params, maxmem: 2 ** 30 });
    });
    try {
      await login("finns-inte@test.se", "vad som helst"); // also warms the dummy hash
      calls = 0;
      expect((await login("finns-inte-heller@test.se", "x")).status).toBe(401);
      expect(calls).toBe(1);
      calls = 0;
      expect((await login("ok@test.se", "fel")).status).toBe(401);
      expect(calls).toBe(1);
    } finally {
      useNodeScrypt();
    }
  });

  it("upgrades a hash made with weaker parameters at login", async () => {
    ip = "192.0.2.50";
    const id = await userWithPassword(t.db, "old@test.se", PASSWORD, { params: FAST });
    const before = (await t.db.query.users.findFirst({ where: eq(users.id, id) }))!.passwordHash!;
    expect(before).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect((await login("old@test.se", PASSWORD)).status).toBe(303);
    const after = (await t.db.query.users.findFirst({ where: eq(users.id, id) }))!.passwordHash!;
    const { N, r, p } = targetHashParams();
    expect(after.startsWith(`scrypt$${N}$${r}$${p}$`)).toBe(true);
    expect(N).toBeGreaterThan(FAST.N);
    expect((await login("old@test.se", PASSWORD)).status).toBe(303);
  });

  it("refuses deactivated accounts", async () => {
    await userWithPassword(t.db, "gone@test.se", PASSWORD, { active: false });
    expect((await login("gone@test.se", PASSWORD)).status).toBe(401);
  });

  it("logs out: the session is gone and the logout is audited", async () => {
    const res = await login("ok@test.se", PASSWORD);
    const cookie = cookieFrom(res, SESSION_COOKIE)!;
    const out = await postForm(app, "/logout", {}, { cookie });
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/login");
    expect((await app.request("/", { headers: { cookie } })).status).toBe(302);
    const logouts = await t.db.select().from(auditLog).where(eq(auditLog.action, "logout"));
    expect(logouts.length).toBeGreaterThan(0);
  });
});
