import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { courses } from "../../db/schema";
import { prepareDatabase } from "../../src/services/database";
import { createTestDb, type TestDb } from "../helpers/db";

const TABLES = [
  "access_log",
  "annual_reports",
  "audit_log",
  "completions",
  "courses",
  "employments",
  "exemptions",
  "import_effects",
  "imports",
  "login_attempts",
  "password_tokens",
  "pending_uploads",
  "people",
  "person_links",
  "plan_activities",
  "requirement_rules",
  "sessions",
  "settings",
  "unit_tags",
  "units",
  "unmatched",
  "user_units",
  "users",
];

describe("migrations on an empty libSQL file DB", () => {
  let t: TestDb;
  afterEach(() => t?.cleanup());

  it("creates every table of the data model and loads the catalogue", async () => {
    t = await createTestDb();
    const rows = await t.db.all<{ name: string }>(
      sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name`,
    );
    expect(rows.map((r) => r.name)).toEqual(TABLES);
    const catalogue = await t.db.select().from(courses).orderBy(courses.id);
    expect(catalogue.map((c) => [c.id, c.kind])).toEqual([
      ["otillaten-paverkan", "deepened"],
      ["vbe-fordjupning", "deepened"],
      ["vbe-webb", "mandatory"],
    ]);
    expect(catalogue.find((c) => c.id === "vbe-webb")?.aliases).toContain("VBE webbutbildning");
  });

  it("is idempotent: a second run changes nothing", async () => {
    t = await createTestDb();
    await prepareDatabase(t.db);
    const [row] = await t.db.all<{ n: number }>(sql`SELECT COUNT(*) AS n FROM courses`);
    expect(row?.n).toBe(3);
  });

  it("has the indexes the coverage queries rely on", async () => {
    t = await createTestDb();
    const plan = await t.db.all<{ detail: string }>(
      sql`EXPLAIN QUERY PLAN SELECT id FROM units WHERE path LIKE '/1/%'`,
    );
    expect(plan.map((p) => p.detail).join(" ")).toMatch(/units_path_idx|SCAN units/);
    const idx = await t.db.all<{ name: string }>(
      sql`SELECT name FROM sqlite_master WHERE type = 'index'`,
    );
    const names = idx.map((i) => i.name);
    for (const name of [
      "units_path_idx",
      "employments_unit_idx",
      "completions_course_idx",
      "completions_event_uq",
    ]) {
      expect(names).toContain(name);
    }
  });
});
