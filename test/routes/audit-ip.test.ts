/**
 * The audit log's address is the one the entry vouches for (AppDeps.clientIp: the socket on
 * Node, cf-connecting-ip on Workers), never a header the client can write itself.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema";
import { createApp } from "../../src/app";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { ORIGIN, postForm } from "../helpers/http";
import { example } from "../helpers/imports";
import { insertSmallOrg } from "../helpers/small-org-db";

const TRUE_IP = "192.0.2.7";
const FORGED = {
  "x-forwarded-for": "203.0.113.66",
  "x-real-ip": "203.0.113.66",
  "cf-connecting-ip": "203.0.113.66",
};

describe("audit log addresses", () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await createTestDb();
    await insertSmallOrg(t.db);
    app = createApp({
      db: t.db,
      now: () => new Date("2026-02-01T09:00:00Z"),
      clientIp: () => TRUE_IP,
    });
  });
  afterAll(() => t.cleanup());

  it("exports, locks and imports record the entry's address, not forged headers", async () => {
    const ledning = await loginAs(t.db, "ledning");
    const hr = await loginAs(t.db, "hr");
    const exp = await app.request("/tackning/export.csv", {
      headers: { cookie: ledning.cookie, ...FORGED },
    });
    expect(exp.status).toBe(200);
    const lock = await postForm(
      app,
      "/rapport/2025/las",
      { bekrafta: "ja" },
      { cookie: ledning.cookie, ...FORGED },
    );
    expect(lock.status).toBe(303);

    const file = example("personal-2025-12-31.xlsx");
    const form = new FormData();
    form.set("kind", "staff");
    form.set("asOf", "2025-12-31");
    form.set("file", new File([file.bytes as Uint8Array<ArrayBuffer>], file.fileName));
    const preview = await app.request("/imports/preview", {
      method: "POST",
      body: form,
      headers: { cookie: hr.cookie, origin: ORIGIN, ...FORGED },
    });
    const pending = /name="pending" value="([0-9a-f]{32})"/.exec(await preview.text())![1]!;
    const confirm = await postForm(
      app,
      "/imports/confirm",
      { pending },
      { cookie: hr.cookie, ...FORGED },
    );
    expect(confirm.status).toBe(303);

    const rows = await t.db.select().from(auditLog);
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["export", "report.locked", "import.applied"]));
    for (const r of rows) expect(r.ip, r.action).toBe(TRUE_IP);
  });
});
