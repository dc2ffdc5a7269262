import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_UNITS } from "../../src/auth/scope";
import { generateDemoData } from "../../src/domain/demo-organisation";
import { getCoverage } from "../../src/services/coverage";
import { isEmpty, seedDemoData } from "../../src/services/demo/seed";
import { createTestDb, type TestDb } from "../helpers/db";

describe("demo data", () => {
  it("is deterministic", () => {
    expect(generateDemoData(50, "2026-11-25")).toEqual(generateDemoData(50, "2026-11-25"));
  });

  it("never dates an event after today", () => {
    const { events } = generateDemoData(undefined, "2026-11-25");
    expect(events.every((e) => e.date <= "2026-11-25")).toBe(true);
  });
});

describe("seeding an empty database", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    expect(await isEmpty(t.db)).toBe(true);
    await seedDemoData(t.db, { today: "2026-11-25", withUsers: false });
  });
  afterAll(() => t.cleanup());

  it("builds 6 avdelningar and ~40 enheter with materialised paths", async () => {
    const [top] = await t.db.all<{ n: number }>(
      sql`SELECT COUNT(*) AS n FROM units WHERE parent_id IS NULL`,
    );
    const [leaf] = await t.db.all<{ n: number }>(
      sql`SELECT COUNT(*) AS n FROM units WHERE parent_id IS NOT NULL`,
    );
    const [badPath] = await t.db.all<{ n: number }>(
      sql`SELECT COUNT(*) AS n FROM units u JOIN units p ON p.id = u.parent_id WHERE u.path != p.path || u.id || '/'`,
    );
    expect(top?.n).toBe(6);
    expect(leaf?.n).toBe(40);
    expect(badPath?.n).toBe(0);
  });

  it("gives believable figures: ~1000 staff, a quarter reached by end of 2025", async () => {
    const end2025 = await getCoverage(t.db, ALL_UNITS, { asOf: "2025-12-31" });
    expect(end2025.headcount).toBeGreaterThan(950);
    expect(end2025.headcount).toBeLessThan(1075);
    expect(end2025.percentReached).toBeGreaterThan(18);
    expect(end2025.percentReached).toBeLessThan(30);
    const now = await getCoverage(t.db, ALL_UNITS, { asOf: "2026-11-25" });
    expect(now.reached).toBeGreaterThan(end2025.reached);
    expect(now.children).toHaveLength(6);
    expect(now.children.reduce((s, c) => s + c.headcount, 0)).toBe(now.headcount);
  });

  it("refuses nothing but reports non-empty afterwards", async () => {
    expect(await isEmpty(t.db)).toBe(false);
  });
});
