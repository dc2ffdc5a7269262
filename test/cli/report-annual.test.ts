import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_UNITS } from "../../src/auth/scope";
import { runCli } from "../../src/cli";
import { computeAnnualReport } from "../../src/services/annual-report";
import { getCoverage } from "../../src/services/coverage";
import { seedDemoData } from "../../src/services/demo/seed";
import { SMALL_EXPECTED } from "../fixtures/small-org";
import { captureIo } from "../helpers/cli";
import { createTestDb, type TestDb } from "../helpers/db";
import { insertSmallOrg } from "../helpers/small-org-db";

const io = () => captureIo();

describe("cli report annual", () => {
  let small: TestDb;
  let demo: TestDb;
  beforeAll(async () => {
    [small, demo] = await Promise.all([createTestDb(), createTestDb()]);
    await insertSmallOrg(small.db);
    await seedDemoData(demo.db, { today: "2026-11-25", withUsers: false });
  });
  afterAll(() => {
    small.cleanup();
    demo.cleanup();
  });

  it.each([2025, 2026] as const)(
    "--year %i --json gives exactly the contract's fields",
    async (year) => {
      const c = io();
      expect(
        await runCli(["report", "annual", "--year", String(year), "--json"], c.io, small.db),
      ).toBe(0);
      const doc = JSON.parse(c.out.join(""));
      expect(Object.keys(doc)).toEqual([
        "year",
        "asOf",
        "course",
        "headcount",
        "reached",
        "completed",
        "reachedInYear",
        "deepened",
        "sentence",
      ]);
      expect(doc).toEqual({
        year,
        asOf: `${year}-12-31`,
        course: "vbe-webb",
        ...SMALL_EXPECTED[year].total,
        sentence: SMALL_EXPECTED[year].sentence,
      });
    },
  );

  it("prints the sentence as human text", async () => {
    const c = io();
    expect(await runCli(["report", "annual", "--year", "2025"], c.io, small.db)).toBe(0);
    expect(c.out.join("")).toContain(SMALL_EXPECTED[2025].sentence);
    expect(c.out.join("")).toContain("inte låst");
  });

  it.each([
    [["report", "annual"]],
    [["report", "annual", "--year", "25"]],
    [["report", "annual", "--year", "abcd"]],
  ])("%j exits 1 with a message", async (argv) => {
    const c = io();
    expect(await runCli(argv, c.io, small.db)).toBe(1);
    expect(c.err.join("")).toMatch(/--year/);
    expect(c.out).toEqual([]);
  });

  it("on the demo data gives the design's kind of sentence and agrees with report coverage", async () => {
    const c = io();
    await runCli(["report", "annual", "--year", "2025", "--json"], c.io, demo.db);
    const doc = JSON.parse(c.out.join(""));
    const coverage = await getCoverage(demo.db, ALL_UNITS, { asOf: "2025-12-31" });
    expect([doc.headcount, doc.reached, doc.completed]).toEqual([
      coverage.headcount,
      coverage.reached,
      coverage.completed,
    ]);
    // The demo's course started in 2025, so everyone reached was reached during the year.
    expect(doc.reachedInYear).toBe(doc.reached);
    expect(doc.sentence).toMatch(
      /^Under året har \d+ medarbetare av ca 1\d00 påbörjat eller helt genomfört utbildningen\. Ca ett (tjugo|femton|trettio)tal medarbetare har även gått fördjupade utbildningar\.$/,
    );
    const report = await computeAnnualReport(demo.db, ALL_UNITS, { year: 2025 });
    expect(report.sentence).toBe(doc.sentence);
  });
});
