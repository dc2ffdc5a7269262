/**
 * A person with two posts seen by chefs: the staff list notes the other unit, the person page
 * lists every post, and a chef of either unit sees the person and their course status but not
 * the other unit's befattning or omfattning. A chef of neither gets 404.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { importStaff } from "../../src/services/imports/staff";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { utf8 } from "../helpers/files";

const FILE = [
  "Anställningsnummer;Förnamn;Efternamn;Enhet;Enhetskod;Befattning;Anställningsdatum;Omfattning",
  "900001;Anna;Berg;Hemtjänst Bredäng;HTB;Undersköterska;2026-01-15;50 %",
  "900001;Anna;Berg;Nattpatrullen;NATT;Nattsjuksköterska;2026-01-15;0,5",
  "900002;Bo;Ek;Hemtjänst Bredäng;HTB;Undersköterska;2020-01-01;100",
  "900003;Cia;Ors;Sätra hemtjänst;SHT;Undersköterska;2020-01-01;100",
].join("\n");

describe("a person with two posts on the web", () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let unit: Record<string, number>;
  let anna: number;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestDb();
    const r = await importStaff(t.db, {
      bytes: utf8(FILE),
      fileName: "personal.csv",
      asOf: "2026-01-31",
      dryRun: false,
      userId: null,
    });
    expect(r.errors).toEqual([]);
    app = createApp({ db: t.db, now: () => new Date("2026-02-10T09:00:00Z") });
    const units = await t.db.all<{ id: number; code: string }>(sql`SELECT id, code FROM units`);
    unit = Object.fromEntries(units.map((u) => [u.code, u.id]));
    const [a] = await t.db.all<{ id: number }>(
      sql`SELECT id FROM people WHERE employee_no = '900001'`,
    );
    anna = a!.id;
    await t.db.run(sql`INSERT INTO completions (person_id, course_id, kind, date)
      VALUES (${anna}, 'vbe-webb', 'started', '2026-02-01')`);
    cookies.bredang = (await loginAs(t.db, "chef", ["HTB"])).cookie;
    cookies.natt = (await loginAs(t.db, "chef", ["NATT"])).cookie;
    cookies.satra = (await loginAs(t.db, "chef", ["SHT"])).cookie;
    cookies.hr = (await loginAs(t.db, "hr")).cookie;
  });
  afterAll(() => t.cleanup());

  const html = async (path: string, cookie: string) => {
    const res = await app.request(path, { headers: { cookie } });
    return { status: res.status, text: await res.text() };
  };

  it("the staff list shows the person once with a note of their other unit and the extent", async () => {
    const page = await html(`/tackning/enhet/${unit.HTB}?datum=2026-02-10`, cookies.bredang!);
    expect(page.status).toBe(200);
    expect(page.text).toContain("(även Nattpatrullen)");
    expect(page.text).toContain("Undersköterska, 50 %");
    expect(page.text.match(/Anna Berg/g)).toHaveLength(1);
    expect(page.text).toContain(`href="/person/${anna}?datum=2026-02-10"`);
    // Bo works only here: no note.
    expect(page.text.match(/även/g)).toHaveLength(1);
  });

  it("before the posts began the person is not on the list", async () => {
    const page = await html(`/tackning/enhet/${unit.HTB}?datum=2026-01-14`, cookies.bredang!);
    expect(page.text).not.toContain("Anna Berg");
  });

  it("HR sees every post on the person page, with befattning and omfattning", async () => {
    const page = await html(`/person/${anna}?datum=2026-02-10`, cookies.hr!);
    expect(page.status).toBe(200);
    expect(page.text).toContain("2 tjänster");
    expect(page.text).toContain("Nattsjuksköterska");
    expect(page.text.match(/50 %/g)).toHaveLength(2);
    expect(page.text).toContain("2026-02-01");
  });

  it.each([
    ["bredang", "Nattpatrullen", "Nattsjuksköterska"],
    ["natt", "Hemtjänst Bredäng", "Undersköterska"],
  ])(
    "a chef (%s) sees the person and course status, the other unit by name only",
    async (who, other, hiddenTitle) => {
      const page = await html(`/person/${anna}?datum=2026-02-10`, cookies[who]!);
      expect(page.status).toBe(200);
      expect(page.text).toContain(other);
      expect(page.text).not.toContain(hiddenTitle);
      expect(page.text).toContain("2026-02-01");
      expect(page.text.match(/50 %/g)).toHaveLength(1);
      expect(page.text).not.toContain(
        `/tackning/enhet/${who === "bredang" ? unit.NATT : unit.HTB}`,
      );
    },
  );

  it("a chef of neither unit gets 404, as for someone who does not exist", async () => {
    expect((await html(`/person/${anna}`, cookies.satra!)).status).toBe(404);
    expect((await html("/person/99999", cookies.hr!)).status).toBe(404);
  });
});
