import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { planActivities } from "../../db/schema";
import { createApp } from "../../src/app";
import { SMALL_EXPECTED } from "../fixtures/small-org";
import { loginAs } from "../helpers/auth";
import { createTestDb, type TestDb } from "../helpers/db";
import { ORIGIN, postForm } from "../helpers/http";
import { count } from "../helpers/imports";
import { insertSmallOrg } from "../helpers/small-org-db";

const EXAMPLE = readFileSync(
  new URL("../../imports/examples/handlingsplan-2019.xlsx", import.meta.url),
);

describe("action plan pages (small organisation, plan imported as 2025)", () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestDb();
    await insertSmallOrg(t.db);
    app = createApp({ db: t.db, now: () => new Date("2026-02-01T09:00:00Z") });
    for (const role of ["ledning", "admin", "hr"] as const)
      cookies[role] = (await loginAs(t.db, role)).cookie;
    cookies.chef = (await loginAs(t.db, "chef", ["A"])).cookie;
  });
  afterAll(() => t.cleanup());

  const get = (path: string, role: string) =>
    app.request(path, { headers: { cookie: cookies[role]! } });
  const upload = (role: string, bytes: Uint8Array, name: string) => {
    const body = new FormData();
    body.append("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
    return app.request("/handlingsplan/2025/import", {
      method: "POST",
      body,
      headers: { cookie: cookies[role]!, origin: ORIGIN },
    });
  };

  it("ledning imports the plan file; hr and chef may not", async () => {
    expect((await upload("hr", EXAMPLE, "plan.xlsx")).status).toBe(403);
    expect((await upload("chef", EXAMPLE, "plan.xlsx")).status).toBe(403);
    const res = await upload("ledning", EXAMPLE, "handlingsplan-2019.xlsx");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(
      "/handlingsplan/2025?meddelande=importerad&nya=30&andrade=0",
    );
    expect(await count(t.db, "plan_activities", "year = 2025")).toBe(30);
    const html = await (await get(res.headers.get("location")!, "ledning")).text();
    expect(html).toContain("30 nya och 0 ändrade");
  });

  it("a bad file is shown with its row errors and nothing is written", async () => {
    const bad = new TextEncoder().encode("Område;Aktivitet;Status\r\nLägesbild;Ny;Kanske\r\n");
    const res = await upload("admin", bad, "fel.csv");
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Rad 2, kolumn Status: &#39;Kanske&#39; är ingen status");
    expect(await count(t.db, "plan_activities", "year = 2025")).toBe(30);
  });

  it("hr reads the follow-up per Område without edit links; ledning sees them", async () => {
    const hr = await (await get("/handlingsplan/2025", "hr")).text();
    expect(hr).toContain("Uppföljning per område");
    expect(hr).toContain("Kompetenshöjande");
    expect(hr).not.toContain("/aktivitet/ny");
    expect(hr).not.toMatch(/\sstyle=/);
    const ledning = await (await get("/handlingsplan/2025", "ledning")).text();
    expect(ledning).toContain('href="/handlingsplan/2025/aktivitet/ny"');
    expect((await get("/handlingsplan/2025/aktivitet/ny", "hr")).status).toBe(403);
  });

  it("linking the web-course activity shows the annual report's figure", async () => {
    const [a] = await t.db
      .select()
      .from(planActivities)
      .where(sql`${planActivities.activity} LIKE 'All personal ska genomgå%'`);
    const res = await postForm(
      app,
      `/handlingsplan/2025/aktivitet/${a!.id}`,
      {
        area: a!.area,
        activity: a!.activity,
        responsible: a!.responsible ?? "",
        status: a!.status,
        courseId: "vbe-webb",
        targetPercent: "60",
      },
      { cookie: cookies.ledning! },
    );
    expect(res.status).toBe(303);
    const html = await (await get("/handlingsplan/2025", "hr")).text();
    const e = SMALL_EXPECTED[2025].total;
    expect(html).toContain(`${e.reached} av ${e.headcount} (67 %)`);
    expect(html).toContain("Målet pekar på: Genomförd");
  });

  it("a form mistake is shown in Swedish on the form", async () => {
    const res = await postForm(
      app,
      "/handlingsplan/2025/aktivitet",
      { area: "Lägesbild", activity: "  ", status: "Planerad" },
      { cookie: cookies.admin! },
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Skriv vad aktiviteten går ut på.");
  });

  it("a chef's own unit is highlighted where it is Ansvarig", async () => {
    await t.db
      .update(planActivities)
      .set({ responsible: "Enhet A" })
      .where(sql`${planActivities.position} = 5`);
    const html = await (await get("/handlingsplan/2025", "chef")).text();
    expect(html.match(/class="own-unit"/g)).toHaveLength(1);
    const hr = await (await get("/handlingsplan/2025", "hr")).text();
    expect(hr).not.toContain('class="own-unit"');
  });

  it("the review page writes the paragraph with the training sentence in between", async () => {
    const html = await (await get("/handlingsplan/2025/berattelse", "ledning")).text();
    expect(html).toContain(
      `30 aktiviteter inom områdena organisation, lägesbild, förebyggande, förhindrande, föreningsbidrag och lokaler, kompetenshöjande samt uppföljning. ${SMALL_EXPECTED[2025].sentence} Av aktiviteterna är 18 genomförda. Förvaltningen har inte kunnat genomföra fyra av de beslutade aktiviteterna. Fem aktiviteter är delvis genomförda.`,
    );
    expect(html).toContain("Aktiviteter som inte har genomförts");
    expect(html).toContain("Medel saknades.");
    const print = await (await get("/handlingsplan/2025/berattelse/utskrift", "ledning")).text();
    expect(print).toContain('href="/static/plan-print.css"');
    expect(print).not.toContain("Huvudmeny");
  });

  it("exports the review as .xlsx, audited", async () => {
    const res = await get("/handlingsplan/2025/berattelse/export.xlsx", "hr");
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: "array" });
    expect(book.SheetNames).toEqual(["Verksamhetsberättelse", "Per område", "Handlingsplan 2025"]);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets["Handlingsplan 2025"]!, {
      header: 1,
    });
    expect(rows).toHaveLength(31);
    expect(await count(t.db, "audit_log", "action = 'export'")).toBe(1);
  });

  it("/handlingsplan opens the newest plan; an editor deletes an activity", async () => {
    expect((await get("/handlingsplan", "chef")).headers.get("location")).toBe(
      "/handlingsplan/2025",
    );
    const [a] = await t.db.select().from(planActivities).where(sql`${planActivities.position} = 0`);
    expect(
      (
        await postForm(
          app,
          `/handlingsplan/2025/aktivitet/${a!.id}/ta-bort`,
          {},
          { cookie: cookies.hr! },
        )
      ).status,
    ).toBe(403);
    const res = await postForm(
      app,
      `/handlingsplan/2025/aktivitet/${a!.id}/ta-bort`,
      {},
      { cookie: cookies.admin! },
    );
    expect(res.headers.get("location")).toBe("/handlingsplan/2025?meddelande=borttagen");
    expect(await count(t.db, "plan_activities", "year = 2025")).toBe(29);
    expect((await get(`/handlingsplan/2024/aktivitet/${a!.id}`, "admin")).status).toBe(404);
  });

  it("copies the open activities to 2026", async () => {
    const res = await app.request("/handlingsplan/2025/kopiera", {
      method: "POST",
      headers: { cookie: cookies.ledning!, origin: ORIGIN },
    });
    expect(res.headers.get("location")).toBe(
      "/handlingsplan/2026?meddelande=kopierad&fran=2025&antal=12&hoppade=0",
    );
    const html = await (await get("/handlingsplan/2026", "hr")).text();
    expect(html).toContain("Från handlingsplan 2025 (ej genomförd)");
  });
});
