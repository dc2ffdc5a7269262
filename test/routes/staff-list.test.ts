/**
 * The staff list's search, sort and paging parameters and its filtered export (issue 16),
 * on the demo organisation: what a chef asks for is what they get, bad parameters are a
 * Swedish 400, and no parameter widens the chef's scope.
 */
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { units } from "../../db/schema";
import { createApp } from "../../src/app";
import { ALL_UNITS } from "../../src/auth/scope";
import { seedDemoData } from "../../src/services/demo/seed";
import { getStaffStatus } from "../../src/services/staff-list";
import { unitById } from "../../src/services/units";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";

const TODAY = "2026-11-25";

describe("staff list: search, sort, paging and the filtered export", () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let ids: Record<string, number>;
  let chef: string;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db, { today: TODAY, withUsers: false });
    app = createApp({ db: t.db, now: () => new Date(`${TODAY}T09:00:00Z`) });
    const rows = await t.db
      .select({ id: units.id, code: units.code })
      .from(units)
      .where(inArray(units.code, ["FSK01", "FSK02"]));
    ids = Object.fromEntries(rows.map((r) => [r.code!, r.id]));
    chef = (await loginAs(t.db, "chef", ["FSK01"])).cookie;
  });
  afterAll(() => t.cleanup());

  const get = (path: string, headers: Record<string, string> = {}) =>
    app.request(path, { headers: { cookie: chef, ...headers } });
  const staffOf = async (code: string) =>
    getStaffStatus(t.db, ALL_UNITS, {
      unit: (await unitById(t.db, ALL_UNITS, ids[code]!))!,
      asOf: TODAY,
    });
  const namesIn = (html: string) =>
    [...html.matchAll(/<th scope="row"><a href="\/person\/\d+[^"]*">([^<]+)<\/a>/g)].map(
      (m) => m[1],
    );

  it("finds a colleague by surname, and only them", async () => {
    const staff = await staffOf("FSK01");
    const someone = staff[3]!;
    const html = await (
      await get(`/tackning/enhet/${ids.FSK01}?sok=${encodeURIComponent(someone.lastName)}`)
    ).text();
    const shown = namesIn(html);
    expect(shown).toContain(someone.name);
    const sameSurname = staff.filter((s) =>
      `${s.name} ${s.email ?? ""} ${s.title ?? ""}`
        .toLowerCase()
        .includes(someone.lastName.toLowerCase()),
    );
    expect(shown.length).toBe(sameSurname.length);
    expect(html).toContain(`som matchar ”${someone.lastName}”`);
    expect(html).toContain(`value="${someone.lastName}"`);
  });

  it("sorts by name descending, Swedish order, and says so to screen readers", async () => {
    const staff = await staffOf("FSK01");
    const html = await (
      await get(`/tackning/enhet/${ids.FSK01}?sortera=namn&ordning=fallande`)
    ).text();
    const collator = new Intl.Collator("sv");
    const expected = [...staff]
      .sort(
        (a, b) =>
          collator.compare(b.lastName, a.lastName) || collator.compare(b.firstName, a.firstName),
      )
      .slice(0, 50)
      .map((s) => s.name);
    expect(namesIn(html)).toEqual(expected);
    expect(html).toContain('aria-sort="descending"');
    // The name header now turns the order back to ascending.
    expect(html).toMatch(/href="\/tackning\/enhet\/\d+\?datum=2026-11-25&amp;sortera=namn"/);
  });

  it("shows only those who have not started with visa=kvar, and exports exactly them", async () => {
    const staff = await staffOf("FSK01");
    const remaining = staff.filter((s) => s.status === "not_started");
    expect(remaining.length).toBeGreaterThan(0);
    expect(remaining.length).toBeLessThan(staff.length);
    const html = await (await get(`/tackning/enhet/${ids.FSK01}?visa=kvar`)).text();
    expect(namesIn(html).sort()).toEqual(remaining.map((s) => s.name).sort());
    expect(html).toContain(`/tackning/enhet/${ids.FSK01}/export.xlsx?datum=${TODAY}&amp;visa=kvar`);

    const res = await get(`/tackning/enhet/${ids.FSK01}/export.xlsx?visa=kvar`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("-ej-paborjat.xlsx");
    const wb = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: "array" });
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.Personal!);
    expect(rows.length).toBe(remaining.length);
    expect(new Set(rows.map((r) => r.Status))).toEqual(new Set(["Ej påbörjad"]));
    const about = XLSX.utils.sheet_to_csv(wb.Sheets["Om rapporten"]!);
    expect(about).toContain("bara de som inte påbörjat");
  });

  it("exports every match of a search in the list's order, not only the page", async () => {
    const res = await get(`/tackning/enhet/${ids.FSK01}/export.csv?sok=a&sortera=namn&sida=2`);
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    const staff = (await staffOf("FSK01")).filter((s) =>
      `${s.name} ${s.employeeNo} ${s.email} ${s.units} ${s.title}`.toLowerCase().includes("a"),
    );
    expect(lines.length - 1).toBe(staff.length);
    const collator = new Intl.Collator("sv");
    const byName = [...staff].sort(
      (a, b) =>
        collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName),
    );
    expect(lines.slice(1).map((l) => l.split(";")[0])).toEqual(byName.map((s) => s.name));
  });

  it.each([
    ["sortera=lön", "sortera får vara"],
    ["ordning=upp", "ordning får vara"],
    ["sida=0", "sida ska vara ett sidnummer"],
    ["sida=-1", "sida ska vara ett sidnummer"],
    ["sida=abc", "sida ska vara ett sidnummer"],
    ["visa=vem", "visa får vara"],
    [`sok=${"x".repeat(101)}`, "högst 100 tecken"],
  ])("?%s is a Swedish 400 (page and export), not a 500 or JSON", async (query, message) => {
    for (const path of [
      `/tackning/enhet/${ids.FSK01}?${query}`,
      `/tackning/enhet/${ids.FSK01}/export.xlsx?${query}`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      const body = await res.text();
      expect(body).toContain(message);
      expect(body).not.toMatch(/"success"|ZodError|issues/);
    }
    // htmx swaps only 2xx: the message comes as a 200 fragment.
    const frag = await get(`/tackning/enhet/${ids.FSK01}?${query}`, { "HX-Request": "true" });
    expect(frag.status).toBe(200);
    expect(await frag.text()).toContain(message);
  });

  it("a page past the end shows the last page (the list may have shrunk)", async () => {
    const res = await get(`/tackning/enhet/${ids.FSK01}?sida=999`);
    expect(res.status).toBe(200);
    expect(namesIn(await res.text()).length).toBeGreaterThan(0);
  });

  describe("scope: no parameter widens what a chef of FSK01 sees", () => {
    it("searching their own unit for someone in FSK02 finds nobody", async () => {
      const other = (await staffOf("FSK02"))[0]!;
      const own = (await staffOf("FSK01")).map((s) => s.name);
      for (const term of [other.lastName, other.employeeNo!, other.email!]) {
        const html = await (
          await get(`/tackning/enhet/${ids.FSK01}?sok=${encodeURIComponent(term)}`)
        ).text();
        // Only their own staff can match (a surname may of course occur in both units).
        const shown = namesIn(html);
        expect(
          shown.every((n) => own.includes(n!)),
          term,
        ).toBe(true);
        if (!own.includes(other.name)) expect(html).not.toContain(other.name);
        // Employee numbers and e-mail addresses are unique: nobody at all.
        if (term !== other.lastName) expect(html).toContain(`Ingen som matchar ”${term}”`);
      }
    });

    it.each([
      "?sok=a",
      "?sortera=enhet&ordning=fallande",
      "?sida=2",
      "?visa=kvar&sok=a&sortera=namn",
    ])("FSK02 with %s is 404, page and export", async (query) => {
      for (const path of [
        `/tackning/enhet/${ids.FSK02}${query}`,
        `/tackning/enhet/${ids.FSK02}/export.csv${query}`,
      ]) {
        const res = await get(path);
        expect(res.status, path).toBe(404);
        expect(await res.text()).not.toContain("Sätra");
      }
    });

    it("a bad parameter on another unit still reveals nothing of it", async () => {
      const res = await get(`/tackning/enhet/${ids.FSK02}?sortera=x`);
      expect([400, 404]).toContain(res.status);
      expect(await res.text()).not.toContain("Sätra");
    });
  });
});
