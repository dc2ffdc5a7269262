import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli";
import { seedDemoData } from "../../src/services/demo/seed";
import { captureIo } from "../helpers/cli";
import { createTestDb, type TestDb } from "../helpers/db";

const io = () => captureIo();

describe("cli (in process)", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db, { today: "2026-11-25", withUsers: false });
  });
  afterAll(() => t.cleanup());

  it.each([
    [[], 1],
    [["--help"], 0],
    [["frobnicate"], 1],
    [["report", "coverage", "--bogus"], 1],
    [["report", "coverage", "--as-of", "2025-02-30"], 1],
    [["report", "coverage", "--as-of", "31/12/2025"], 1],
    [["report", "coverage", "--as-of", "9999-12-31"], 1],
    [["report", "annual", "--year", "1800"], 1],
    [["report", "coverage", "--unit", "Finns inte"], 1],
    [["report", "coverage", "--unit", "A", "--unit", "B"], 1],
  ])("%j exits %i", async (argv, code) => {
    const c = io();
    expect(await runCli(argv, c.io, t.db)).toBe(code);
    if (code === 1 && argv.length > 0) expect(c.err.join("")).toMatch(/\S/);
    if (code !== 0) expect(c.out.join("")).not.toMatch(/^\{/);
  });

  it("report coverage --json follows the contract", async () => {
    const c = io();
    expect(
      await runCli(["report", "coverage", "--as-of", "2025-12-31", "--json"], c.io, t.db),
    ).toBe(0);
    const doc = JSON.parse(c.out.join(""));
    expect(Object.keys(doc)).toEqual([
      "unit",
      "asOf",
      "course",
      "headcount",
      "reached",
      "completed",
      "children",
    ]);
    expect(doc).toMatchObject({ unit: null, asOf: "2025-12-31", course: "vbe-webb" });
    expect(doc.children).toHaveLength(6);
    expect(Object.keys(doc.children[0])).toEqual([
      "code",
      "name",
      "headcount",
      "reached",
      "completed",
    ]);
    const sum = doc.children.reduce((s: number, ch: { headcount: number }) => s + ch.headcount, 0);
    expect(sum).toBe(doc.headcount);
  });

  it("report coverage --unit finds a unit by code or by name (any case)", async () => {
    const byCode = io();
    const byName = io();
    await runCli(["report", "coverage", "--unit", "FSK", "--json"], byCode.io, t.db);
    await runCli(
      ["report", "coverage", "--unit", "avdelningen för förskola", "--json"],
      byName.io,
      t.db,
    );
    const a = JSON.parse(byCode.out.join(""));
    expect(a.unit).toEqual({ code: "FSK", name: "Avdelningen för förskola" });
    expect(a.children).toHaveLength(10);
    expect(JSON.parse(byName.out.join(""))).toEqual(a);
  });

  it("defaults --as-of to today in Stockholm", async () => {
    const c = io();
    await runCli(["report", "coverage", "--json"], c.io, t.db);
    expect(JSON.parse(c.out.join("")).asOf).toBe("2026-11-25");
  });
});
