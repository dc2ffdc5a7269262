/** The security review's findings (issue 14), one test each, reproduced as the reviewer did. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAttempts, users } from "../../db/schema";
import { createApp } from "../../src/app";
import { SESSION_COOKIE } from "../../src/auth/cookie";
import { MAX_FAILURES_PER_ACCOUNT } from "../../src/auth/rate-limit";
import { loginAs, userWithPassword } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { cookieFrom, postForm } from "../helpers/http";

const PASSWORD = "korrekt hast batteri";
const NEW_PASSWORD = "en helt ny lösenordsfras";

describe("security findings", () => {
  let t: TestDb;
  const clock = new Date("2026-11-25T09:00:00Z");
  let app: ReturnType<typeof createApp>;
  let ip = "203.0.113.1";
  let admin: { cookie: string; userId: number };
  beforeAll(async () => {
    t = await createTestDb();
    app = createApp({ db: t.db, now: () => clock, clientIp: () => ip });
    admin = await loginAs(t.db, "admin");
  });
  afterAll(() => t.cleanup());

  const login = (email: string, password: string) => postForm(app, "/login", { email, password });
  const newUserLink = async (email: string) => {
    const res = await postForm(
      app,
      "/admin/users",
      { name: "Ny Person", email, role: "hr" },
      { cookie: admin.cookie },
    );
    expect(res.status).toBe(201);
    const m = (await res.text()).match(/value="[^"]*?(\/set-password\/[a-z2-7]+)"/);
    return m![1]!;
  };

  it("deactivation ends outstanding set-password links, also after reactivation", async () => {
    const path = await newUserLink("lamnar@test.se");
    const user = (await t.db.query.users.findFirst({ where: eq(users.email, "lamnar@test.se") }))!;
    expect((await app.request(path)).status).toBe(200);
    const off = await postForm(
      app,
      `/admin/users/${user.id}/deactivate`,
      {},
      { cookie: admin.cookie },
    );
    expect(off.status).toBe(200);
    expect((await app.request(path)).status).toBe(410);
    await postForm(app, `/admin/users/${user.id}/activate`, {}, { cookie: admin.cookie });
    const use = await postForm(app, path, { password: NEW_PASSWORD, repeat: NEW_PASSWORD });
    expect(use.status).toBe(410);
    const after = await t.db.query.users.findFirst({ where: eq(users.id, user.id) });
    expect(after?.passwordHash).toBeNull();
  });

  it("builds set-password links from the configured public origin, not the Host header", async () => {
    const configured = createApp({
      db: t.db,
      now: () => clock,
      publicOrigin: "https://genomford.kommun.se",
    });
    const res = await configured.request("http://evil.example/admin/users", {
      method: "POST",
      body: new URLSearchParams({ name: "Länk Test", email: "lank@test.se", role: "hr" }),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "http://evil.example",
        cookie: admin.cookie,
      },
    });
    expect(res.status).toBe(201);
    const html = await res.text();
    expect(html).toMatch(/value="https:\/\/genomford\.kommun\.se\/set-password\/[a-z2-7]+"/);
    expect(html).not.toContain("evil.example");
  });

  it("the set-password page and its answer are never stored", async () => {
    const path = await newUserLink("nostore@test.se");
    expect((await app.request(path)).headers.get("cache-control")).toBe("no-store");
    const short = await postForm(app, path, { password: "kort", repeat: "kort" });
    expect(short.status).toBe(400);
    expect(short.headers.get("cache-control")).toBe("no-store");
    expect((await app.request("/set-password/finnsinte")).headers.get("cache-control")).toBe(
      "no-store",
    );
  });

  it("someone else's failures at another address do not lock the account", async () => {
    await userWithPassword(t.db, "offer@test.se", PASSWORD);
    ip = "198.51.100.66"; // the attacker
    for (let i = 0; i < 6; i++) await login("offer@test.se", "gissning");
    expect((await login("offer@test.se", PASSWORD)).status).toBe(429);
    ip = "203.0.113.5"; // the owner, at their desk
    expect((await login("offer@test.se", PASSWORD)).status).toBe(303);
  });

  it("concurrent correct sign-ins all succeed and leave no count behind", async () => {
    ip = "203.0.113.6";
    await userWithPassword(t.db, "parallell@test.se", PASSWORD);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => login("parallell@test.se", PASSWORD)),
    );
    expect(results.map((r) => r.status)).toEqual([303, 303, 303, 303, 303]);
    // Ten more in a row: successes are never counted as attempts.
    for (let i = 0; i < 10; i++)
      expect((await login("parallell@test.se", PASSWORD)).status).toBe(303);
    const rows = await t.db.select().from(loginAttempts);
    for (const row of rows.filter((r) => r.key.includes("parallell@"))) expect(row.count).toBe(0);
  });

  it("an account has a much higher ceiling across many addresses", async () => {
    await userWithPassword(t.db, "distribuerad@test.se", PASSWORD);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      ip = `10.1.${Math.floor(i / 4)}.${i % 4}`; // four guesses per address: under the pair limit
      expect((await login("distribuerad@test.se", "gissning")).status).toBe(401);
    }
    ip = "203.0.113.7";
    expect((await login("distribuerad@test.se", PASSWORD)).status).toBe(429);
    expect(MAX_FAILURES_PER_ACCOUNT).toBeGreaterThanOrEqual(50);
  });

  it("a wrong current password on /password does not lock sign-in", async () => {
    ip = "203.0.113.8";
    await userWithPassword(t.db, "byter@test.se", PASSWORD);
    const signedIn = await login("byter@test.se", PASSWORD);
    const cookie = cookieFrom(signedIn, SESSION_COOKIE)!;
    for (let i = 0; i < 5; i++) {
      const res = await postForm(
        app,
        "/password",
        { current: "fel", password: NEW_PASSWORD, repeat: NEW_PASSWORD },
        { cookie },
      );
      expect(await res.text()).toContain("Det nuvarande lösenordet stämmer inte.");
    }
    // The form itself is now limited (a borrowed session cannot keep guessing) …
    const limited = await postForm(
      app,
      "/password",
      { current: PASSWORD, password: NEW_PASSWORD, repeat: NEW_PASSWORD },
      { cookie },
    );
    expect(await limited.text()).toContain("För många felaktiga försök");
    // … but signing in still works.
    expect((await login("byter@test.se", PASSWORD)).status).toBe(303);
  });

  it("an SSO-only account cannot make a local password", async () => {
    const sso = await loginAs(t.db, "chef");
    await t.db.update(users).set({ oidcSubject: "sub-123" }).where(eq(users.id, sso.userId));
    const page = await app.request("/password", { headers: { cookie: sso.cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Lösenordet byts där");
    expect(html).not.toContain('name="password"');
    const post = await postForm(
      app,
      "/password",
      { password: NEW_PASSWORD, repeat: NEW_PASSWORD },
      { cookie: sso.cookie },
    );
    expect(post.status).toBe(403);
    const after = await t.db.query.users.findFirst({ where: eq(users.id, sso.userId) });
    expect(after?.passwordHash).toBeNull();
  });
});
