import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli";
import { captureIo } from "../helpers/cli";
import { createTestDb, type TestDb } from "../helpers/db";
import { xlsxBytes } from "../helpers/files";
import { count } from "../helpers/imports";

const run = promisify(execFile);
const EXAMPLE = "imports/examples/handlingsplan-2019.xlsx";

describe("cli plan import / plan summary (in process)", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.cleanup());

  it("plan import --json follows the contract; --dry-run writes nothing; again changes nothing", async () => {
    const dry = captureIo();
    expect(
      await runCli(
        ["plan", "import", EXAMPLE, "--year", "2019", "--dry-run", "--json"],
        dry.io,
        t.db,
      ),
    ).toBe(0);
    expect(dry.json()).toEqual({
      year: 2019,
      rows: 30,
      created: 30,
      updated: 0,
      errors: [],
      dryRun: true,
    });
    expect(await count(t.db, "plan_activities")).toBe(0);

    const first = captureIo();
    expect(
      await runCli(["plan", "import", EXAMPLE, "--year", "2019", "--json"], first.io, t.db),
    ).toBe(0);
    expect(first.json()).toEqual({
      year: 2019,
      rows: 30,
      created: 30,
      updated: 0,
      errors: [],
      dryRun: false,
    });

    const again = captureIo();
    expect(await runCli(["plan", "import", EXAMPLE, "--year", "2019"], again.io, t.db)).toBe(0);
    expect(again.out.join("")).toContain("Nya: 0  Ändrade: 0  Oförändrade: 30");
    expect(await count(t.db, "plan_activities")).toBe(30);
  });

  it("plan summary --json: counts by status and the sentence", async () => {
    const c = captureIo();
    expect(await runCli(["plan", "summary", "--year", "2019", "--json"], c.io, t.db)).toBe(0);
    const json = c.json();
    expect(Object.keys(json)).toEqual(["year", "activities", "byStatus", "sentence"]);
    expect(json).toMatchObject({
      year: 2019,
      activities: 30,
      byStatus: { genomford: 18, delvis: 5, pagaende: 3, planerad: 0, ej: 4 },
    });
    expect(json.sentence).toContain("30 aktiviteter inom områdena");
    expect(json.sentence).toContain("inte kunnat genomföra fyra av de beslutade aktiviteterna.");
    expect(json.sentence).toContain("Fem aktiviteter är delvis genomförda.");
  });

  it("a row error exits 1 and writes nothing; usage errors exit 1", async () => {
    const path = join(t.dir, "fel.xlsx");
    writeFileSync(
      path,
      xlsxBytes([
        ["Område", "Aktivitet", "Status"],
        ["Uppföljning", "Ny aktivitet", "Kanske"],
      ]),
    );
    const c = captureIo();
    expect(await runCli(["plan", "import", path, "--year", "2030", "--json"], c.io, t.db)).toBe(1);
    expect(c.json().errors).toEqual([
      { row: 2, message: expect.stringMatching(/^Rad 2, kolumn Status: 'Kanske' är ingen status/) },
    ]);
    expect(c.err.join("")).toContain("importerades inte");
    expect(await count(t.db, "plan_activities", "year = 2030")).toBe(0);

    for (const argv of [
      ["plan", "import", EXAMPLE],
      ["plan", "import", "--year", "2019"],
      ["plan", "summary", "--year", "19"],
      ["plan", "import", join(t.dir, "saknas.xlsx"), "--year", "2019"],
    ]) {
      const u = captureIo();
      expect(await runCli(argv, u.io, t.db)).toBe(1);
      expect(u.err.join("")).toMatch(/^Fel: /);
    }
  });
});

describe("cli plan, spawned as the customer types it", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.cleanup());

  it("npm run --silent cli -- plan import … then plan summary", { timeout: 120_000 }, async () => {
    const env = { ...process.env, DATABASE_URL: t.url };
    const opts = { env, cwd: process.cwd() };
    const imported = await run(
      "npm",
      ["run", "--silent", "cli", "--", "plan", "import", EXAMPLE, "--year", "2019", "--json"],
      opts,
    );
    expect(JSON.parse(imported.stdout)).toMatchObject({ rows: 30, created: 30 });
    const summary = await run(
      "npm",
      ["run", "--silent", "cli", "--", "plan", "summary", "--year", "2019", "--json"],
      opts,
    );
    expect(JSON.parse(summary.stdout).byStatus).toEqual({
      genomford: 18,
      delvis: 5,
      pagaende: 3,
      planerad: 0,
      ej: 4,
    });
  });
});
