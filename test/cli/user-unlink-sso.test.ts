import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "../../db/schema";
import { runCli } from "../../src/cli";
import { userWithPassword } from "../helpers/auth";
import { captureIo } from "../helpers/cli";
import { createTestDb, type TestDb } from "../helpers/db";

describe("cli user unlink-sso", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    const id = await userWithPassword(t.db, "eva@kommun.se", "x".repeat(12));
    await t.db.update(users).set({ oidcSubject: "gammal-sub" }).where(eq(users.id, id));
  });
  afterAll(() => t.cleanup());

  it("clears the link by e-mail, prints JSON and audits it", async () => {
    const c = captureIo();
    expect(await runCli(["user", "unlink-sso", "Eva@Kommun.se", "--json"], c.io, t.db)).toBe(0);
    expect(c.json()).toEqual({
      email: "eva@kommun.se",
      unlinked: true,
      previousSubject: "gammal-sub",
    });
    const user = await t.db.query.users.findFirst({ where: eq(users.email, "eva@kommun.se") });
    expect(user?.oidcSubject).toBeNull();
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "user.sso_unlinked"));
    expect(row).toMatchObject({ userId: null, ip: "cli", detail: { sub: "gammal-sub" } });
  });

  it.each([
    [["user", "unlink-sso", "eva@kommun.se"], "är inte kopplat till något inloggningskonto"],
    [["user", "unlink-sso", "okand@kommun.se"], "Det finns inget konto för okand@kommun.se"],
    [["user", "unlink-sso"], "Ange kontots e-postadress"],
  ])("exits 1 with a Swedish message for %j", async (argv, message) => {
    const c = captureIo();
    expect(await runCli(argv, c.io, t.db)).toBe(1);
    expect(c.err.join("")).toContain(message);
  });
});
