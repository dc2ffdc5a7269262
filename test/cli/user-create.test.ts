import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users, userUnits } from "../../db/schema";
import { createApp } from "../../src/app";
import { verifyPassword } from "../../src/auth/password";
import { runCli } from "../../src/cli";
import { seedDemoData } from "../../src/services/demo/seed";
import { CLI_PROCESS_TEST_TIMEOUT_MS, captureIo, runCliProcess } from "../helpers/cli";
import { createTestDb, type TestDb } from "../helpers/db";
import { postForm } from "../helpers/http";

const io = (env: Record<string, string> = {}, stdin?: string) =>
  captureIo({ env, ...(stdin === undefined ? {} : { stdin }) });

describe("cli user create", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db, { today: "2026-11-25", withUsers: false });
  });
  afterAll(() => t.cleanup());

  it("creates the first admin and prints a one-time link path that works in the app", async () => {
    const c = io();
    const code = await runCli(
      [
        "user",
        "create",
        "--email",
        "Chef.Admin@stockholm.se",
        "--name",
        "Första Admin",
        "--role",
        "admin",
        "--json",
      ],
      c.io,
      t.db,
    );
    expect(code).toBe(0);
    const doc = JSON.parse(c.out.join(""));
    expect(doc).toMatchObject({ email: "chef.admin@stockholm.se", role: "admin", units: [] });
    expect(doc.setPasswordPath).toMatch(/^\/set-password\/[a-z2-7]{64}$/);
    const user = await t.db.query.users.findFirst({ where: eq(users.id, doc.id) });
    expect(user?.passwordHash).toBeNull(); // no default password, ever
    const app = createApp({ db: t.db, now: () => new Date("2026-11-25T11:00:00Z") });
    const res = await postForm(app, doc.setPasswordPath, {
      password: "första adminens lösenord",
      repeat: "första adminens lösenord",
    });
    expect(res.status).toBe(303);
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.action, "user.created"));
    expect(row).toMatchObject({ userId: null, ip: "cli", target: "chef.admin@stockholm.se" });
  });

  it("takes a password on stdin and a chef's units by code", async () => {
    const c = io({}, "en hemlig lösenfras\n");
    const code = await runCli(
      [
        "user",
        "create",
        "--email",
        "c@s.se",
        "--name",
        "C",
        "--role",
        "chef",
        "--unit",
        "FSK01",
        "--unit",
        "FSK02",
        "--password-stdin",
      ],
      c.io,
      t.db,
    );
    expect(code).toBe(0);
    expect(c.out.join("")).toContain("skapat med det angivna lösenordet");
    const user = (await t.db.query.users.findFirst({ where: eq(users.email, "c@s.se") }))!;
    expect(await verifyPassword(user.passwordHash!, "en hemlig lösenfras")).toBe(true);
    expect(await t.db.select().from(userUnits).where(eq(userUnits.userId, user.id))).toHaveLength(
      2,
    );
  });

  it("takes a password from NEW_USER_PASSWORD", async () => {
    const c = io({ NEW_USER_PASSWORD: "lösenord från miljön" });
    expect(
      await runCli(
        ["user", "create", "--email", "e@s.se", "--name", "E", "--role", "hr"],
        c.io,
        t.db,
      ),
    ).toBe(0);
    const user = (await t.db.query.users.findFirst({ where: eq(users.email, "e@s.se") }))!;
    expect(await verifyPassword(user.passwordHash!, "lösenord från miljön")).toBe(true);
  });

  it.each([
    [["--email", "x@s.se", "--name", "X"], "--role"],
    [["--email", "x@s.se", "--name", "X", "--role", "root"], "--role måste vara"],
    [["--name", "X", "--role", "hr"], "--email"],
    [["--email", "x@s.se", "--role", "hr"], "--name"],
    [["--email", "x@s.se", "--name", "X", "--role", "chef"], "minst en enhet"],
    [
      ["--email", "x@s.se", "--name", "X", "--role", "chef", "--unit", "NOPE"],
      "Okänd enhetskod: NOPE",
    ],
    [["--email", "x@s.se", "--name", "X", "--role", "hr", "--unit", "FSK01"], "Bara chefer"],
    [["--email", "c@s.se", "--name", "X", "--role", "hr"], "finns redan"],
    [["--email", "inte-en-adress", "--name", "X", "--role", "hr"], "ingen e-postadress"],
  ])("%j exits 1 with a Swedish message and writes nothing", async (flags, message) => {
    const before = (await t.db.select().from(users)).length;
    const c = io();
    expect(await runCli(["user", "create", ...flags], c.io, t.db)).toBe(1);
    expect(c.err.join("")).toContain(message);
    expect((await t.db.select().from(users)).length).toBe(before);
  });

  it("refuses a short password", async () => {
    const c = io({ NEW_USER_PASSWORD: "kort" });
    expect(
      await runCli(
        ["user", "create", "--email", "k@s.se", "--name", "K", "--role", "hr"],
        c.io,
        t.db,
      ),
    ).toBe(1);
    expect(c.err.join("")).toContain("minst 12 tecken");
  });
});

describe("cli user create (real process, password on stdin)", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.cleanup());

  it(
    "reads the password from standard input",
    async () => {
      const r = await runCliProcess(
        [
          "user",
          "create",
          "--email",
          "a@s.se",
          "--name",
          "A",
          "--role",
          "admin",
          "--password-stdin",
        ],
        { env: { DATABASE_URL: t.url }, stdin: "lösenord via stdin\n" },
      );
      expect(r.code).toBe(0);
      const stdout = r.stdout;
      expect(stdout).toContain("Kontot a@s.se (admin) är skapat med det angivna lösenordet.");
      const user = (await t.db.query.users.findFirst({ where: eq(users.email, "a@s.se") }))!;
      expect(user.passwordHash).toMatch(/^scrypt\$32768\$8\$3\$/);
      expect(await verifyPassword(user.passwordHash!, "lösenord via stdin")).toBe(true);
    },
    CLI_PROCESS_TEST_TIMEOUT_MS,
  );
});
