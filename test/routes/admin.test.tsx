import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, passwordTokens, units, users, userUnits } from "../../db/schema";
import { createApp } from "../../src/app";
import { SESSION_COOKIE } from "../../src/auth/cookie";
import { PASSWORD_TOKEN_LIFETIME_MS } from "../../src/auth/password-tokens";
import { audit } from "../../src/services/audit";
import { seedDemoData } from "../../src/services/demo/seed";
import { loginAs, userWithPassword } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { cookieFrom, postForm } from "../helpers/http";

const NEW_PASSWORD = "vår nya långa lösenordsfras";

describe("admin: users, roles, units, links, audit", () => {
  let t: TestDb;
  let clock = new Date("2026-11-25T09:00:00Z");
  let app: ReturnType<typeof createApp>;
  let admin: { cookie: string; userId: number };
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db, { today: "2026-11-25", withUsers: false });
    app = createApp({ db: t.db, now: () => clock });
    admin = await loginAs(t.db, "admin");
  });
  afterAll(() => t.cleanup());

  const unitId = async (code: string) =>
    (await t.db.query.units.findFirst({ where: eq(units.code, code) }))!.id;
  const userByEmail = (email: string) =>
    t.db.query.users.findFirst({ where: eq(users.email, email) });
  const linkIn = (html: string) => {
    const m = html.match(/value="http:\/\/localhost(\/set-password\/[a-z2-7]+)"/);
    expect(m, "one-time link on the page").not.toBeNull();
    return m![1]!;
  };

  it("creates a chef with units and shows a one-time link that sets the password once", async () => {
    const fsk01 = await unitId("FSK01");
    const res = await postForm(
      app,
      "/admin/users",
      { name: "Cecilia Chef", email: "Cecilia@Stockholm.se", role: "chef", unit: [String(fsk01)] },
      { cookie: admin.cookie },
    );
    expect(res.status).toBe(201);
    const path = linkIn(await res.text());
    const user = (await userByEmail("cecilia@stockholm.se"))!;
    expect(user).toMatchObject({ role: "chef", passwordHash: null, active: true });
    // Only the token's hash is stored.
    const [token] = await t.db
      .select()
      .from(passwordTokens)
      .where(eq(passwordTokens.userId, user.id));
    expect(path).not.toContain(token!.id);
    expect(await t.db.select().from(userUnits).where(eq(userUnits.userId, user.id))).toEqual([
      { userId: user.id, unitId: fsk01 },
    ]);

    const form = await app.request(path);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain("Välj lösenord");
    const short = await postForm(app, path, { password: "kort", repeat: "kort" });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("minst 12 tecken");
    const set = await postForm(app, path, { password: NEW_PASSWORD, repeat: NEW_PASSWORD });
    expect(set.status).toBe(303);
    expect(set.headers.get("location")).toBe("/login?klart");
    const again = await postForm(app, path, {
      password: "ett annat lösenord här",
      repeat: "ett annat lösenord här",
    });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("redan använd eller för gammal");
    expect((await app.request(path)).status).toBe(410);

    const login = await postForm(app, "/login", {
      email: "cecilia@stockholm.se",
      password: NEW_PASSWORD,
    });
    expect(login.status).toBe(303);
    const chefCookie = cookieFrom(login, SESSION_COOKIE)!;
    const home = await (await app.request("/", { headers: { cookie: chefCookie } })).text();
    expect(home).toContain("Bredängs förskoleenhet");
    expect(home).not.toContain("Avdelningen för förskola");
  });

  it("set-password links expire after 72 hours", async () => {
    const res = await postForm(
      app,
      "/admin/users",
      { name: "Sen Användare", email: "sen@stockholm.se", role: "hr" },
      { cookie: admin.cookie },
    );
    const path = linkIn(await res.text());
    const created = clock;
    clock = new Date(created.getTime() + PASSWORD_TOKEN_LIFETIME_MS + 1);
    try {
      expect((await app.request(path)).status).toBe(410);
      const post = await postForm(app, path, { password: NEW_PASSWORD, repeat: NEW_PASSWORD });
      expect(post.status).toBe(410);
      expect((await userByEmail("sen@stockholm.se"))!.passwordHash).toBeNull();
    } finally {
      clock = created;
    }
  });

  it("a new link replaces the old one", async () => {
    const user = (await userByEmail("sen@stockholm.se"))!;
    const first = linkIn(
      await (
        await postForm(app, `/admin/users/${user.id}/password-link`, {}, { cookie: admin.cookie })
      ).text(),
    );
    const second = linkIn(
      await (
        await postForm(app, `/admin/users/${user.id}/password-link`, {}, { cookie: admin.cookie })
      ).text(),
    );
    expect(first).not.toBe(second);
    expect((await app.request(first)).status).toBe(410);
    expect((await app.request(second)).status).toBe(200);
  });

  it("rejects bad new accounts with a Swedish message and keeps the form", async () => {
    const dup = await postForm(
      app,
      "/admin/users",
      { name: "Dubblett", email: "cecilia@stockholm.se", role: "hr" },
      { cookie: admin.cookie },
    );
    expect(dup.status).toBe(400);
    expect(await dup.text()).toContain("Det finns redan ett konto för cecilia@stockholm.se");
    const chefWithout = await postForm(
      app,
      "/admin/users",
      { name: "Chef Utan", email: "utan@stockholm.se", role: "chef" },
      { cookie: admin.cookie },
    );
    expect(chefWithout.status).toBe(400);
    expect(await chefWithout.text()).toContain("En chef behöver minst en enhet");
    const badRole = await postForm(
      app,
      "/admin/users",
      { name: "X", email: "x@stockholm.se", role: "superuser" },
      { cookie: admin.cookie },
    );
    expect(badRole.status).toBe(400);
  });

  it("changes a chef's units: the next request sees the new scope; audited", async () => {
    const chef = await loginAs(t.db, "chef", ["FSK01"]);
    const before = await (await app.request("/", { headers: { cookie: chef.cookie } })).text();
    expect(before).not.toContain("Sätra förskoleenhet");
    const sätra = (await t.db.query.units.findFirst({
      where: eq(units.name, "Sätra förskoleenhet"),
    }))!;
    const res = await postForm(
      app,
      `/admin/users/${chef.userId}/units`,
      { unit: [String(await unitId("FSK01")), String(sätra.id)] },
      { cookie: admin.cookie },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Enheterna är sparade.");
    const after = await (await app.request("/", { headers: { cookie: chef.cookie } })).text();
    expect(after).toContain("Sätra förskoleenhet");
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "user.units_changed"));
    expect(row).toMatchObject({
      userId: admin.userId,
      detail: { to: expect.arrayContaining([sätra.id]) },
    });
  });

  it("changes a role (audited) and then the route checks follow the new role", async () => {
    const hr = await loginAs(t.db, "hr");
    expect((await app.request("/admin/users", { headers: { cookie: hr.cookie } })).status).toBe(
      403,
    );
    const res = await postForm(
      app,
      `/admin/users/${hr.userId}/role`,
      { role: "admin" },
      { cookie: admin.cookie },
    );
    expect(res.status).toBe(200);
    expect((await app.request("/admin/users", { headers: { cookie: hr.cookie } })).status).toBe(
      200,
    );
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "user.role_changed"));
    expect(row).toMatchObject({ detail: { from: "hr", to: "admin" } });
  });

  it("deactivating ends every session of the user at once", async () => {
    const ledning = await loginAs(t.db, "ledning");
    expect((await app.request("/", { headers: { cookie: ledning.cookie } })).status).toBe(200);
    const res = await postForm(
      app,
      `/admin/users/${ledning.userId}/deactivate`,
      {},
      { cookie: admin.cookie },
    );
    expect(res.status).toBe(200);
    expect((await app.request("/", { headers: { cookie: ledning.cookie } })).status).toBe(302);
    expect(
      (await t.db.query.users.findFirst({ where: eq(users.id, ledning.userId) }))!.active,
    ).toBe(false);
  });

  it("an admin cannot demote or deactivate themself", async () => {
    const role = await postForm(
      app,
      `/admin/users/${admin.userId}/role`,
      { role: "hr" },
      { cookie: admin.cookie },
    );
    expect(role.status).toBe(400);
    expect(await role.text()).toContain("Du kan inte ändra roll för ditt eget konto.");
    const off = await postForm(
      app,
      `/admin/users/${admin.userId}/deactivate`,
      {},
      { cookie: admin.cookie },
    );
    expect(off.status).toBe(400);
    expect(
      (await t.db.query.users.findFirst({ where: eq(users.id, admin.userId) }))!,
    ).toMatchObject({
      role: "admin",
      active: true,
    });
  });

  it("lists users and shows unknown ids as 404", async () => {
    const html = await (
      await app.request("/admin/users", { headers: { cookie: admin.cookie } })
    ).text();
    expect(html).toContain("cecilia@stockholm.se");
    expect(html).toContain("Väntar på lösenord");
    expect(
      (await app.request("/admin/users/999999", { headers: { cookie: admin.cookie } })).status,
    ).toBe(404);
    expect(
      (await app.request("/admin/users/abc", { headers: { cookie: admin.cookie } })).status,
    ).toBe(404);
  });

  it("audit page: newest first, filter by action, 50 per page", async () => {
    for (let i = 0; i < 60; i++) {
      await audit(t.db, { userId: admin.userId, action: "export", target: `rapport-${i}` });
    }
    const first = await (
      await app.request("/admin/audit?action=export", { headers: { cookie: admin.cookie } })
    ).text();
    expect(first).toContain("rapport-59");
    expect(first).toContain("rapport-10");
    expect(first).not.toContain("rapport-9<");
    expect(first).not.toContain("user.role_changed</td>");
    expect(first).toContain('href="/admin/audit?action=export&amp;page=2"');
    const second = await (
      await app.request("/admin/audit?action=export&page=2", { headers: { cookie: admin.cookie } })
    ).text();
    expect(second).toContain("rapport-9<");
    expect(second).toContain("rapport-0<");
    expect(second).not.toContain("rapport-10<");
    const all = await (
      await app.request("/admin/audit", { headers: { cookie: admin.cookie } })
    ).text();
    expect(all).toContain('<option value="user.created"');
  });
});

describe("changing your own password", () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await createTestDb();
    app = createApp({ db: t.db });
  });
  afterAll(() => t.cleanup());

  it("needs the current password, ends other sessions, keeps this one", async () => {
    await userWithPassword(t.db, "byt@test.se", "gammalt lösenord 1");
    const signIn = async (password: string) =>
      postForm(app, "/login", { email: "byt@test.se", password });
    const here = cookieFrom(await signIn("gammalt lösenord 1"), SESSION_COOKIE)!;
    const elsewhere = cookieFrom(await signIn("gammalt lösenord 1"), SESSION_COOKIE)!;

    const wrong = await postForm(
      app,
      "/password",
      { current: "fel", password: NEW_PASSWORD, repeat: NEW_PASSWORD },
      { cookie: here },
    );
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Det nuvarande lösenordet stämmer inte.");
    const mismatch = await postForm(
      app,
      "/password",
      { current: "gammalt lösenord 1", password: NEW_PASSWORD, repeat: `${NEW_PASSWORD}x` },
      { cookie: here },
    );
    expect(await mismatch.text()).toContain("Lösenorden är inte likadana.");

    const ok = await postForm(
      app,
      "/password",
      { current: "gammalt lösenord 1", password: NEW_PASSWORD, repeat: NEW_PASSWORD },
      { cookie: here },
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("Lösenordet är bytt.");
    const renewed = cookieFrom(ok, SESSION_COOKIE)!;
    expect((await app.request("/password", { headers: { cookie: renewed } })).status).toBe(200);
    expect((await app.request("/password", { headers: { cookie: elsewhere } })).status).toBe(302);
    expect((await app.request("/password", { headers: { cookie: here } })).status).toBe(302);
    expect((await signIn("gammalt lösenord 1")).status).toBe(401);
    expect((await signIn(NEW_PASSWORD)).status).toBe(303);
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.action, "password.changed"));
    expect(row?.target).toBe("byt@test.se");
  });

  it("guessing the current password is rate limited (on its own counter, see security-findings)", async () => {
    await userWithPassword(t.db, "gissa@test.se", "rätt lösenord här");
    const login = await postForm(app, "/login", {
      email: "gissa@test.se",
      password: "rätt lösenord här",
    });
    const cookie = cookieFrom(login, SESSION_COOKIE)!;
    const attempt = (current: string) =>
      postForm(
        app,
        "/password",
        { current, password: NEW_PASSWORD, repeat: NEW_PASSWORD },
        { cookie },
      );
    for (let i = 0; i < 5; i++) {
      expect(await (await attempt(`gissning ${i}`)).text()).toContain("stämmer inte");
    }
    const locked = await (await attempt("rätt lösenord här")).text();
    expect(locked).toContain("För många felaktiga försök med det nuvarande lösenordet");
    expect(locked).not.toContain("Lösenordet är bytt.");
  });
});
