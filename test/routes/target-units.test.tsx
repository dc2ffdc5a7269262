/** Unit attributes on the web: the tree (own/inherited), one unit's edit, upload → preview → confirm. */
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, units, unitTags } from "../../db/schema";
import { createApp } from "../../src/app";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { utf8 } from "../helpers/files";
import { ORIGIN, postForm } from "../helpers/http";
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

const upload = (kind: string, name: string, text: string, cookie = hr) => {
  const form = new FormData();
  form.set("kind", kind);
  form.set("file", new File([utf8(text) as Uint8Array<ArrayBuffer>], name));
  return app.request("/malgrupper/import/preview", {
    method: "POST",
    body: form,
    headers: { cookie, origin: ORIGIN },
  });
};

describe("/malgrupper/enheter", () => {
  it("is for admin and hr only", async () => {
    const { cookie } = await loginAs(t.db, "chef", ["A"]);
    expect((await app.request("/malgrupper/enheter", { headers: { cookie } })).status).toBe(403);
    const ledning = await loginAs(t.db, "ledning");
    expect((await app.request("/malgrupper", { headers: { cookie: ledning.cookie } })).status).toBe(
      403,
    );
  });

  it("edits one unit (audited); the children show the inherited level and tag", async () => {
    const res = await postForm(
      app,
      `/malgrupper/enheter/${ids.units.root}`,
      { functionLevel: "forebyggande", tags: "VBE, anhörigstöd" },
      { cookie: hr },
    );
    expect(res.status).toBe(303);
    const [root] = await t.db.select().from(units).where(eq(units.id, ids.units.root));
    expect(root?.functionLevel).toBe("forebyggande");
    const html = await (
      await app.request("/malgrupper/enheter", { headers: { cookie: hr } })
    ).text();
    expect(html).toContain("Förebyggande/upptäckande (ärvs från Förvaltningen)");
    expect(html).toContain("VBE (från Förvaltningen)");
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "unit.attributes_changed"));
    expect(entry?.detail).toMatchObject({
      name: "Förvaltningen",
      tagsAdded: ["VBE", "anhörigstöd"],
    });

    // htmx: the form comes back with a notice; an unknown level is refused in Swedish.
    const again = await postForm(
      app,
      `/malgrupper/enheter/${ids.units.A}`,
      { functionLevel: "forhindrande", tags: "" },
      { cookie: hr, "HX-Request": "true" },
    );
    expect(await again.text()).toContain("Sparat.");
    const bad = await postForm(
      app,
      `/malgrupper/enheter/${ids.units.A}`,
      { functionLevel: "upptäckt" },
      { cookie: hr },
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("eller att nivån ärvs");
  });

  it("upload → preview with row errors; a good file → confirm → saved and listed as an import", async () => {
    const badPreview = await upload(
      "units",
      "fel.csv",
      "Enhet;Funktionsnivå\nEnhet Q;förebyggande\n",
    );
    expect(badPreview.status).toBe(422);
    expect(await badPreview.text()).toContain(
      "Rad 2, kolumn Enhet: det finns ingen enhet som heter &#39;Enhet Q&#39;",
    );

    const preview = await upload(
      "units",
      "enheter.csv",
      "Enhetskod;Funktionsnivå;Taggar\nB;Förhindrande;skolsocialt team\n",
    );
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain(
      "Enhet B: funktionsnivå ärvs → Förhindrande/åtgärdande; nya taggar: skolsocialt team",
    );
    expect(await t.db.select().from(unitTags).where(eq(unitTags.unitId, ids.units.B))).toEqual([]);
    const pending = /name="pending" value="([0-9a-f]{32})"/.exec(html)?.[1];
    expect(pending).toBeDefined();
    // The staff import's confirm does not take a target-group preview.
    expect(
      (await postForm(app, "/imports/confirm", { pending: pending! }, { cookie: hr })).status,
    ).toBe(410);

    const confirm = await postForm(
      app,
      "/malgrupper/import/confirm",
      { pending: pending! },
      { cookie: hr },
    );
    expect(confirm.status).toBe(303);
    expect(confirm.headers.get("location")).toMatch(/^\/malgrupper\/enheter\?import=\d+$/);
    const tags = await t.db
      .select()
      .from(unitTags)
      .where(eq(unitTags.unitId, ids.units.B))
      .orderBy(asc(unitTags.id));
    expect(tags.map((x) => x.tag)).toEqual(["skolsocialt team"]);
    // Used once: a second confirm finds no preview.
    expect(
      (await postForm(app, "/malgrupper/import/confirm", { pending: pending! }, { cookie: hr }))
        .status,
    ).toBe(410);
    const list = await (await app.request("/imports", { headers: { cookie: hr } })).text();
    expect(list).toContain("Enhetsuppgifter");
  });
});
