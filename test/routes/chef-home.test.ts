/**
 * The chef's start page (issue 16): their unit's figure and who has not started, with the
 * addresses to copy; other roles keep the organisation overview.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessLog, units } from "../../db/schema";
import { createApp } from "../../src/app";
import { ALL_UNITS } from "../../src/auth/scope";
import { seedDemoData } from "../../src/services/demo/seed";
import { getStaffStatus } from "../../src/services/staff-list";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";

const TODAY = "2026-11-25";

describe("the chef's start page", () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db, { today: TODAY, withUsers: false });
    app = createApp({ db: t.db, now: () => new Date(`${TODAY}T09:00:00Z`) });
  });
  afterAll(() => t.cleanup());

  const home = async (cookie: string) => (await app.request("/", { headers: { cookie } })).text();
  const remainingIn = async (code: string) => {
    const unit = await t.db.query.units.findFirst({ where: eq(units.code, code) });
    const staff = await getStaffStatus(t.db, ALL_UNITS, { unit: unit!, asOf: TODAY });
    return { unit: unit!, staff, remaining: staff.filter((s) => s.status === "not_started") };
  };
  const rowNames = (html: string) =>
    [...html.matchAll(/<th scope="row"><a href="\/person\/\d+[^"]*">([^<]+)<\/a>/g)].map(
      (m) => m[1],
    );

  it("shows the unit, its figure and exactly who has not started, with their addresses", async () => {
    const { cookie, userId } = await loginAs(t.db, "chef", ["FSK01"]);
    const { unit, staff, remaining } = await remainingIn("FSK01");
    expect(remaining.length).toBeGreaterThan(0);
    expect(remaining.length).toBeLessThan(staff.length);
    const html = await home(cookie);
    expect(html).toContain("<h1>Bredängs förskoleenhet</h1>");
    expect(html).toContain(`<span class="figure-value">${staff.length}</span>`);
    expect(html).toContain(`${remaining.length} har inte påbörjat</h2>`);
    expect(rowNames(html).sort()).toEqual(remaining.map((r) => r.name).sort());
    // The copy box holds every address of those who have not started, and nobody else's.
    const box = /<textarea[^>]*data-copy-source[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1];
    const expected = remaining.map((r) => r.email).filter(Boolean);
    expect(box?.split("; ").sort()).toEqual(expected.sort());
    expect(html).toContain("Kopiera adresser");
    expect(html).toContain('<script src="/static/copy-addresses.js" defer="">');
    expect(html).toContain(`/tackning/enhet/${unit.id}/export.xlsx?datum=${TODAY}&amp;visa=kvar`);
    expect(html).toContain(`/tackning/enhet/${unit.id}?datum=${TODAY}&amp;visa=kvar`);
    // It names people, so it is in the access log like a staff list.
    const logged = await t.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.userId, userId), eq(accessLog.unitId, unit.id)));
    expect(logged).toEqual([
      expect.objectContaining({
        kind: "staff_list",
        asOf: TODAY,
        count: remaining.length,
        detail: "startsidan: de som inte påbörjat",
      }),
    ]);
  });

  it("with two units, one section per unit under the total", async () => {
    const { cookie } = await loginAs(t.db, "chef", ["FSK01", "FSK02"]);
    const a = await remainingIn("FSK01");
    const b = await remainingIn("FSK02");
    const html = await home(cookie);
    expect(html).toContain("<h1>Dina enheter</h1>");
    expect(html).toContain(`<span class="figure-value">${a.staff.length + b.staff.length}</span>`);
    expect(html).toContain(`Bredängs förskoleenhet: ${a.remaining.length} har inte påbörjat`);
    expect(html).toContain(`Sätra förskoleenhet: ${b.remaining.length} har inte påbörjat`);
    expect(html.match(/data-copy-source/g)?.length).toBe(2);
  });

  it("tells a chef without units what to do", async () => {
    const { cookie } = await loginAs(t.db, "chef");
    const html = await home(cookie);
    expect(html).toContain("Du har inga enheter tilldelade ännu");
    expect(html).not.toContain("figure-value");
  });

  it("keeps the organisation overview for ledning", async () => {
    const { cookie } = await loginAs(t.db, "ledning");
    const html = await home(cookie);
    expect(html).toContain("Täckning just nu");
    expect(html).not.toContain("data-copy-source");
  });
});
