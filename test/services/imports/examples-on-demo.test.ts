/**
 * README's import steps on the demo database: the sample files continue the demo
 * organisation, so they change the few people imports/examples/people.ts names — they must not
 * end the employment of everyone else (the old samples ended ~990). Every count below follows
 * from that file: 3 leavers, 2 moves, 1 new surname, 3 hires (one starting in January).
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES_DEMO_TODAY } from "../../../imports/examples/people";
import { runCli } from "../../../src/cli";
import { seedDemoData } from "../../../src/services/demo/seed";
import { captureIo } from "../../helpers/cli";
import { createTestDb, type TestDb } from "../../helpers/db";
import { count } from "../../helpers/imports";

const EX = "imports/examples";

describe("README's import steps on the demo database", () => {
  let t: TestDb;
  const cli = async (...argv: string[]) => {
    const c = captureIo({ now: `${EXAMPLES_DEMO_TODAY}T10:00:00Z` });
    expect(await runCli([...argv, "--json"], c.io, t.db), c.err.join("")).toBe(0);
    return c.json();
  };
  const annual2026 = () => cli("report", "annual", "--year", "2026");
  const ended = () => count(t.db, "employments", "valid_to IS NOT NULL");
  let before: Record<string, unknown>;
  let endedBefore: number;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db, { today: EXAMPLES_DEMO_TODAY, withUsers: false });
    before = await annual2026();
    endedBefore = await ended();
  }, 120_000);
  afterAll(() => t.cleanup());

  it("the year-end staff list: 3 hires, 3 updated, 3 leavers, everyone else unchanged", async () => {
    const staff = await cli(
      "import",
      "staff",
      `${EX}/personal-2026-12-31.xlsx`,
      "--as-of",
      "2026-12-31",
    );
    expect(before).toMatchObject({ headcount: 999 });
    expect(staff).toMatchObject({ rows: 999, created: 3, updated: 3, unchanged: 993, left: 3 });
    expect(staff.errors).toEqual([]);
    // 3 departures and the 2 periods the moves close; nothing ends before it starts.
    expect((await ended()) - endedBefore).toBe(5);
    const [bad] = await t.db.all<{ n: number }>(
      sql`SELECT COUNT(*) AS n FROM employments WHERE valid_to < valid_from`,
    );
    expect(bad?.n).toBe(0);
  });

  it("the December export and the attendance list: only the rows that say something new", async () => {
    expect(await cli("import", "completions", `${EX}/webbutbildning-export.csv`)).toMatchObject({
      rows: 10,
      matched: 6,
      unmatched: 1,
      ignored: 3,
      errors: [],
    });
    expect(await cli("import", "completions", `${EX}/narvaro-fordjupning.xlsx`)).toMatchObject({
      rows: 3,
      matched: 3,
      unmatched: 0,
      errors: [],
    });
  });

  it("the 2026 figures move by exactly those people", async () => {
    const after = await annual2026();
    const b = before as Record<string, number>;
    expect(after).toMatchObject({
      // 3 leavers gone on 31 Dec, 2 December hires in (the January hire is not yet employed).
      headcount: b.headcount! - 3 + 2,
      // 3 demo people start or finish plus the December hire; the leavers had not started.
      reached: b.reached! + 4,
      reachedInYear: b.reachedInYear! + 4,
      // One earlier start now finished, two new finishers, the hire.
      completed: b.completed! + 4,
      deepened: b.deepened! + 3,
    });
  });

  it("the March list (dry run): one hire, one move, one leaver", async () => {
    const dry = await cli(
      "import",
      "staff",
      `${EX}/personal-2027-03-31.csv`,
      "--as-of",
      "2027-03-31",
      "--dry-run",
    );
    expect(dry).toMatchObject({ rows: 999, created: 1, updated: 1, left: 1, dryRun: true });
  });
});
