/** Admin's privacy pages, and the access log written by the staff list and its export. */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessLog, auditLog, people, units } from "../../db/schema";
import { createApp } from "../../src/app";
import { seedDemoData } from "../../src/services/demo/seed";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { postForm } from "../helpers/http";

describe("privacy pages and the access log", () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let admin: { cookie: string; userId: number };
  let chef: { cookie: string; userId: number };
  let fsk01: number;
  /** Someone employed in FSK01 on 2026-11-25, and someone who is not. */
  let inside: string;
  let outside: string;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db, { today: "2026-11-25", withUsers: false });
    app = createApp({
      db: t.db,
      now: () => new Date("2026-11-25T09:00:00Z"),
      clientIp: () => "10.0.0.1",
    });
    admin = await loginAs(t.db, "admin");
    chef = await loginAs(t.db, "chef", ["FSK01"]);
    fsk01 = (await t.db.query.units.findFirst({ where: eq(units.code, "FSK01") }))!.id;
    const employed = (code: string, not: boolean) => sql`
      SELECT p.employee_no FROM people p WHERE ${not ? sql`NOT` : sql``} EXISTS (
        SELECT 1 FROM employments e JOIN units u ON u.id = e.unit_id
        WHERE e.person_id = p.id AND u.code = ${code}
          AND e.valid_from <= '2026-11-25' AND (e.valid_to IS NULL OR e.valid_to >= '2026-11-25'))
      ORDER BY p.id LIMIT 1`;
    inside = (await t.db.all<{ employee_no: string }>(employed("FSK01", false)))[0]!.employee_no;
    outside = (await t.db.all<{ employee_no: string }>(employed("FSK01", true)))[0]!.employee_no;
  });
  afterAll(() => t.cleanup());

  const get = (path: string, cookie = admin.cookie) => app.request(path, { headers: { cookie } });

  it("a staff list and its export write one access entry each, with unit, date and count", async () => {
    const list = await get(`/tackning/enhet/${fsk01}?datum=2026-11-25`, chef.cookie);
    expect(list.status).toBe(200);
    const exp = await get(`/tackning/enhet/${fsk01}/export.csv?datum=2026-11-25`, chef.cookie);
    expect(exp.status).toBe(200);
    const rows = await t.db.select().from(accessLog).where(eq(accessLog.userId, chef.userId));
    expect(rows).toHaveLength(2);
    const shown = (await exp.text()).trim().split("\n").length - 1; // header row
    expect(rows.map((r) => [r.kind, r.unitId, r.asOf, r.count, r.ip])).toEqual([
      ["staff_list", fsk01, "2026-11-25", shown, "10.0.0.1"],
      ["staff_export", fsk01, "2026-11-25", shown, "10.0.0.1"],
    ]);
    // The coverage overview shows figures, not people: nothing logged.
    await get("/tackning", chef.cookie);
    expect(
      await t.db.select().from(accessLog).where(eq(accessLog.userId, chef.userId)),
    ).toHaveLength(2);
  });

  it("admin filters the access log by person: the lists that named them", async () => {
    const mine = await (await get(`/admin/integritet/atkomst?anstnr=${inside}`)).text();
    expect(mine).toContain("Personallista");
    expect(mine).toContain("Export av personallista");
    const theirs = await (await get(`/admin/integritet/atkomst?anstnr=${outside}`)).text();
    expect(theirs).toContain("Inga poster.");
    const unknown = await get("/admin/integritet/atkomst?anstnr=000000");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("Ingen person har anställningsnummer 000000.");
  });

  it("the register extract: a readable page, JSON, and both are logged", async () => {
    const res = await get(`/admin/integritet/registerutdrag?anstnr=${inside}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const html = await res.text();
    const person = (await t.db.query.people.findFirst({ where: eq(people.employeeNo, inside) }))!;
    expect(html).toContain(`${person.firstName} ${person.lastName}`);
    expect(html).toContain("Anställningar (");
    expect(html).toContain("Personallista"); // the chef's list above named them
    const json = await get(`/admin/integritet/registerutdrag/${inside}.json`);
    expect(json.headers.get("content-disposition")).toContain(`registerutdrag-${inside}.json`);
    const doc = await json.json();
    expect(doc.person).toMatchObject({ employeeNo: inside, email: person.email });
    expect(doc.accessLog.map((a: { kind: string }) => a.kind)).toEqual([
      "register_extract",
      "staff_export",
      "staff_list",
    ]);
    const logged = await t.db.select().from(accessLog).where(eq(accessLog.personId, person.id));
    expect(logged.map((r) => r.detail)).toEqual(["sida", "json"]);
  });

  it("admin saves retention periods, sees the dry run, and purges only when confirmed", async () => {
    const page = await (await get("/admin/integritet")).text();
    expect(page).toContain("Provkörning");
    expect(page).toMatch(/value="3"/);
    const bad = await postForm(
      app,
      "/admin/integritet/lagringstider",
      { leaverYears: "0", logYears: "2" },
      { cookie: admin.cookie },
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("mellan 1 och 10");
    const ok = await postForm(
      app,
      "/admin/integritet/lagringstider",
      { leaverYears: "1", logYears: "2" },
      { cookie: admin.cookie },
    );
    expect(await ok.text()).toContain("Lagringstiderna är sparade.");
    const unconfirmed = await postForm(
      app,
      "/admin/integritet/gallra",
      {},
      { cookie: admin.cookie },
    );
    expect(unconfirmed.status).toBe(400);
    expect(
      await t.db.select().from(auditLog).where(eq(auditLog.action, "privacy.purged")),
    ).toHaveLength(0);
    const done = await postForm(
      app,
      "/admin/integritet/gallra",
      { confirm: "ja" },
      { cookie: admin.cookie },
    );
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Gallringen är klar");
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "privacy.purged"));
    expect(entry).toMatchObject({ userId: admin.userId, ip: "10.0.0.1" });
  });

  it("a people search that shows someone is logged once, with the hit count", async () => {
    const hr = await loginAs(t.db, "hr");
    const person = (await t.db.query.people.findFirst({ where: eq(people.employeeNo, inside) }))!;
    const res = await get(`/imports/people?person=${inside}`, hr.cookie);
    expect(await res.text()).toContain(person.lastName);
    await get("/imports/people?person=zzzz-ingen", hr.cookie); // no hits: nothing shown, nothing logged
    const rows = await t.db.select().from(accessLog).where(eq(accessLog.userId, hr.userId));
    expect(rows.map((r) => [r.kind, r.count, r.personId, r.detail])).toEqual([
      ["search", 1, person.id, inside],
    ]);
  });

  it("other roles cannot reach the privacy pages", async () => {
    for (const path of ["/admin/integritet", `/admin/integritet/registerutdrag/${inside}.json`]) {
      expect((await get(path, chef.cookie)).status).toBe(403);
    }
  });
});
