/** Undo on the web: newest first across kinds, an older import only with the newer ones. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { importCompletions } from "../../src/services/imports/completions";
import { importStaff } from "../../src/services/imports/staff";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { postForm } from "../helpers/http";
import { expectNoEmploymentsEndingBeforeStart } from "../helpers/import-invariants";
import { dumpData, example } from "../helpers/imports";

let t: TestDb;
let app: ReturnType<typeof createApp>;
let cookie: string;
beforeEach(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, now: () => new Date("2026-01-15T09:00:00Z") });
  ({ cookie } = await loginAs(t.db, "hr"));
});
afterEach(async () => {
  await expectNoEmploymentsEndingBeforeStart(t.db);
  t.cleanup();
});

describe("undo of an older import", () => {
  it("asks first, listing the newer imports, then undoes them all, newest first", async () => {
    const before = await dumpData(t.db);
    const staff = await importStaff(t.db, {
      ...example("personal-2025-12-31.xlsx"),
      asOf: "2025-12-31",
      dryRun: false,
      userId: null,
    });
    await importCompletions(t.db, {
      ...example("webbutbildning-export.csv"),
      dryRun: false,
      userId: null,
    });
    const list = await (await app.request("/imports", { headers: { cookie } })).text();
    expect(list).toContain("Ångra med senare …");

    const ask = await postForm(app, `/imports/${staff.importId}/undo`, {}, { cookie });
    expect(ask.status).toBe(409);
    const page = await ask.text();
    expect(page).toContain("kan inte ångras ensam");
    expect(page).toMatch(
      /kursexport, webbutbildning-export\.csv[\s\S]*personalimport, personal-2025-12-31\.xlsx/,
    );
    expect(page).toContain('name="withNewer" value="1"');
    expect(await dumpData(t.db)).not.toEqual(before);

    const done = await postForm(
      app,
      `/imports/${staff.importId}/undo`,
      { withNewer: "1" },
      { cookie },
    );
    expect(done.status).toBe(303);
    expect(await dumpData(t.db)).toEqual(before);
  });
});
