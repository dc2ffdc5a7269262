import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, people } from "../../db/schema";
import { runCli } from "../../src/cli";
import { seedDemoData } from "../../src/services/demo/seed";
import { captureIo } from "../helpers/cli";
import { createTestDb, type TestDb } from "../helpers/db";

const run = promisify(execFile);
/** Mid-2029: the demo's leavers of 2025 and early 2026 are past three years. */
const LATER = "2029-06-01T10:00:00Z";

describe("cli privacy purge / extract", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db, { today: "2026-11-25", withUsers: false });
  });
  afterAll(() => t.cleanup());

  const cli = async (argv: string[], now = LATER) => {
    const c = captureIo({ now });
    const code = await runCli(argv, c.io, t.db);
    return { code, out: c.out.join(""), err: c.err.join("") };
  };
  const named = async () =>
    (
      await t.db
        .select({ n: sql<number>`count(*)` })
        .from(people)
        .where(sql`employee_no IS NOT NULL`)
    )[0]!.n;

  it("--dry-run --json lists who would go and writes nothing", async () => {
    const before = await named();
    const r = await cli(["privacy", "purge", "--dry-run", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({
      dryRun: true,
      today: "2029-06-01",
      policy: { leaverYears: 3, logYears: 2 },
      cutoffs: { leaverEndedBefore: "2026-06-01", logsBefore: "2027-06-01" },
    });
    expect(doc.people.length).toBe(doc.counts.people);
    expect(doc.counts.people).toBeGreaterThan(0);
    expect(doc.people[0]).toEqual({
      id: expect.any(Number),
      employeeNo: expect.any(String),
      name: expect.any(String),
      lastEnded: expect.stringMatching(/^202[56]-/),
    });
    expect(await named()).toBe(before);
  });

  it("human text of the dry run says nothing changed and names the people", async () => {
    const r = await cli(["privacy", "purge", "--dry-run"]);
    expect(r.out).toContain("Provkörning – inget har ändrats.");
    expect(r.out).toMatch(/slutade 202[56]-\d\d-\d\d/);
  });

  it("extract --json has the person, employments, events, links and access log", async () => {
    const [someone] = await t.db.all<{ employee_no: string }>(sql`
      SELECT p.employee_no FROM people p JOIN completions c ON c.person_id = p.id LIMIT 1`);
    await t.db.run(sql`INSERT INTO exemptions (person_id, course_id, from_date, to_date, reason)
      SELECT id, NULL, '2026-01-01', NULL, 'Föräldraledighet' FROM people WHERE employee_no = ${someone!.employee_no}`);
    const r = await cli(["privacy", "extract", "--employee-no", someone!.employee_no, "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.person.employeeNo).toBe(someone!.employee_no);
    expect(doc.employments.length).toBeGreaterThan(0);
    expect(doc.courseEvents.length).toBeGreaterThan(0);
    expect(Object.keys(doc)).toEqual([
      "generatedAt",
      "person",
      "employments",
      "courseEvents",
      "links",
      "exemptions",
      "linkedFileRows",
      "accessLog",
    ]);
    const text = await cli(["privacy", "extract", "--employee-no", someone!.employee_no]);
    expect(text.out).toContain("Registerutdrag för");
    expect(text.out).toContain("Anställningar (");
    expect(doc.exemptions).toEqual([
      { course: null, from: "2026-01-01", to: null, reason: "Föräldraledighet" },
    ]);
    expect(text.out).toContain("Alla kurser: 2026-01-01 – tills vidare, Föräldraledighet");
  });

  it.each([
    [["privacy", "extract"], "--employee-no"],
    [
      ["privacy", "extract", "--employee-no", "999999"],
      "Ingen person har anställningsnummer 999999",
    ],
  ])("%j exits 1 with a Swedish message", async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(1);
    expect(r.err).toContain(message);
    expect(r.out).toBe("");
  });

  it("purge removes identities, is audited, and a real process reports nothing left", async () => {
    const r = await cli(["privacy", "purge", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.dryRun).toBe(false);
    expect(doc.people).toBeUndefined(); // the removed names are not printed again
    expect(doc.counts.people).toBeGreaterThan(0);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "privacy.purged"));
    expect(entry?.ip).toBe("cli");

    // The real command line against the same file, with the real date as "today": the demo's
    // leavers left in 2025 or later, so none is three years gone yet.
    const proc = await run(
      "npx",
      ["tsx", "src/cli.ts", "privacy", "purge", "--dry-run", "--json"],
      {
        env: { ...process.env, DATABASE_URL: t.url },
      },
    );
    expect(JSON.parse(proc.stdout)).toMatchObject({ dryRun: true, counts: { people: 0 } });
  });
});
