/** The person page says which courses the person must take, the status, deadline and exemption. */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exemptions, requirementRules } from "../../db/schema";
import { createApp } from "../../src/app";
import { importStaff } from "../../src/services/imports/staff";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { utf8 } from "../helpers/files";

const FILE = [
  "Anställningsnummer;Förnamn;Efternamn;Enhet;Enhetskod;Befattning;Anställningsdatum",
  "900001;Anna;Berg;Nattpatrullen;NATT;Nattsjuksköterska;2026-01-15",
  "900002;Bo;Ek;Hemtjänst Bredäng;HTB;Undersköterska;2020-01-01",
].join("\n");

describe("person page: required courses", () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  const person: Record<string, number> = {};
  let hr: string;
  let chef: string;
  beforeAll(async () => {
    t = await createTestDb();
    await importStaff(t.db, {
      bytes: utf8(FILE),
      fileName: "personal.csv",
      asOf: "2026-01-31",
      dryRun: false,
      userId: null,
    });
    app = createApp({ db: t.db, now: () => new Date("2026-02-10T09:00:00Z") });
    for (const r of await t.db.all<{ id: number; employee_no: string }>(
      sql`SELECT id, employee_no FROM people`,
    ))
      person[r.employee_no] = r.id;
    await t.db.run(sql`INSERT INTO completions (person_id, course_id, kind, date)
      VALUES (${person["900001"]!}, 'vbe-webb', 'started', '2026-02-01')`);
    await t.db
      .insert(requirementRules)
      .values({ courseId: "vbe-fordjupning", titlePattern: "Nattsjuk*", daysAfterStart: 10 });
    await t.db.insert(exemptions).values({
      personId: person["900002"]!,
      courseId: "vbe-webb",
      fromDate: "2026-02-01",
      toDate: "2026-08-31",
      reason: "Föräldraledighet",
    });
    hr = (await loginAs(t.db, "hr")).cookie;
    chef = (await loginAs(t.db, "chef", ["NATT"])).cookie;
  });
  afterAll(() => t.cleanup());

  const rowOf = (html: string, course: string) =>
    html.match(new RegExp(`<th scope="row">${course}</th>(.*?)</tr>`, "s"))?.[1] ?? "";

  it("a newcomer past the hire-relative deadline is overdue, in words", async () => {
    const res = await app.request(`/person/${person["900001"]}?datum=2026-02-10`, {
      headers: { cookie: chef },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Kurser som krävs per 10 februari 2026");
    const deepened = rowOf(html, "Fördjupad utbildning om våldsbejakande extremism");
    expect(deepened).toContain("<td>Ja</td>");
    expect(deepened).toContain("<strong>Försenad</strong>");
    expect(deepened).toContain("2026-01-25");
    const mandatory = rowOf(html, "Våldsbejakande extremism – webbutbildning");
    expect(mandatory).toContain("Påbörjad");
    expect(rowOf(html, "Otillåten påverkan")).toContain("Krävs inte");
  });

  it("before the deadline the same person is not yet overdue", async () => {
    const html = await (
      await app.request(`/person/${person["900001"]}?datum=2026-01-20`, { headers: { cookie: hr } })
    ).text();
    const deepened = rowOf(html, "Fördjupad utbildning om våldsbejakande extremism");
    expect(deepened).toContain("Ej påbörjad");
    expect(deepened).not.toContain("Försenad");
  });

  it("shows an exemption with its reason and period", async () => {
    const html = await (
      await app.request(`/person/${person["900002"]}?datum=2026-02-10`, { headers: { cookie: hr } })
    ).text();
    const mandatory = rowOf(html, "Våldsbejakande extremism – webbutbildning");
    expect(mandatory).toContain("Undantagen");
    expect(mandatory).toContain("Föräldraledighet, 2026-02-01–2026-08-31");
  });
});
