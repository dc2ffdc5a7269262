/** A course's requirement rules on the web: in words, add, remove (audited), admin/hr only. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema";
import { createApp } from "../../src/app";
import { listCourseRules } from "../../src/services/requirement-rules";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { postForm } from "../helpers/http";
import { insertSmallOrg, type SmallOrgIds } from "../helpers/small-org-db";

let t: TestDb;
let app: ReturnType<typeof createApp>;
let hr: string;
let ids: SmallOrgIds;

beforeAll(async () => {
  t = await createTestDb();
  ids = await insertSmallOrg(t.db);
  app = createApp({ db: t.db, now: () => new Date("2026-03-02T09:00:00Z") });
  ({ cookie: hr } = await loginAs(t.db, "hr"));
});
afterAll(() => t.cleanup());

describe("/malgrupper/kurs/:course", () => {
  it("starts empty for a deepened course, adds rules in words and removes one", async () => {
    const empty = await (
      await app.request("/malgrupper/kurs/vbe-fordjupning", { headers: { cookie: hr } })
    ).text();
    expect(empty).toContain("Kursen har inga regler: ingen måste gå den.");

    const add = await postForm(
      app,
      "/malgrupper/kurs/vbe-fordjupning/regler",
      {
        unitId: String(ids.units.A),
        functionLevel: "forhindrande",
        tag: "",
        titlePattern: "",
        deadline: "2026-06-30",
        daysAfterStart: "",
      },
      { cookie: hr },
    );
    expect(add.status).toBe(303);
    await postForm(
      app,
      "/malgrupper/kurs/vbe-fordjupning/regler",
      { titlePattern: "Socialsekreterare*", daysAfterStart: "90" },
      { cookie: hr },
    );
    const html = await (
      await app.request("/malgrupper/kurs/vbe-fordjupning", { headers: { cookie: hr } })
    ).text();
    expect(html).toContain(
      "Enheter under Enhet A med funktionsnivå förhindrande/åtgärdande, senast 2026-06-30",
    );
    expect(html).toContain(
      "Befattning Socialsekreterare*, inom 90 dagar från anställningens start",
    );

    const both = await postForm(
      app,
      "/malgrupper/kurs/vbe-fordjupning/regler",
      { deadline: "2026-06-30", daysAfterStart: "30" },
      { cookie: hr },
    );
    expect(both.status).toBe(400);
    expect(await both.text()).toContain("inte båda");

    const [first] = await listCourseRules(t.db, "vbe-fordjupning");
    const del = await postForm(
      app,
      `/malgrupper/kurs/vbe-fordjupning/regler/${first!.id}/ta-bort`,
      {},
      { cookie: hr },
    );
    expect(del.status).toBe(303);
    expect((await listCourseRules(t.db, "vbe-fordjupning")).map((r) => r.words)).toEqual([
      "Befattning Socialsekreterare*, inom 90 dagar från anställningens start",
    ]);
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "requirements.changed"));
    expect(entries.map((e) => e.detail)).toEqual([
      {
        added: "Enheter under Enhet A med funktionsnivå förhindrande/åtgärdande, senast 2026-06-30",
      },
      { added: "Befattning Socialsekreterare*, inom 90 dagar från anställningens start" },
      {
        removed:
          "Enheter under Enhet A med funktionsnivå förhindrande/åtgärdande, senast 2026-06-30",
      },
    ]);
    const overview = await (await app.request("/malgrupper", { headers: { cookie: hr } })).text();
    expect(overview).toContain("1 regel");
  });

  it("an unknown course is 404; a chef may not see the page", async () => {
    expect(
      (await app.request("/malgrupper/kurs/finns-inte", { headers: { cookie: hr } })).status,
    ).toBe(404);
    const { cookie } = await loginAs(t.db, "chef", ["A"]);
    expect((await app.request("/malgrupper/kurs/vbe-webb", { headers: { cookie } })).status).toBe(
      403,
    );
  });
});
