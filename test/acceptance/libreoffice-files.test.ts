/**
 * Acceptance (issue 17): a LibreOffice user's files give exactly the figures of the same data
 * as .xlsx/.csv. Ten-person sample files (test/fixtures/ten-people/, the sample files of
 * before imports/examples/ continued the demo organisation) were opened in LibreOffice 7.4 and saved
 * as .ods, .fods and .xlsx (test/fixtures/ods/generate.ts); each set goes through the CLI into
 * a fresh database and must produce the same import counts, coverage and annual figures.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli";
import { captureIo } from "../helpers/cli";
import { createTestDb, type TestDb } from "../helpers/db";

const EX = "test/fixtures/ten-people";
const LO = "test/fixtures/ods";

interface FileSet {
  staff: string;
  completions: string;
  attendance: string;
}

const SETS: Record<string, FileSet> = {
  "original .xlsx/.csv": {
    staff: `${EX}/personal-2025-12-31.xlsx`,
    completions: `${EX}/webbutbildning-export.csv`,
    attendance: `${EX}/narvaro-fordjupning.xlsx`,
  },
  "LibreOffice .ods": {
    staff: `${LO}/personal-2025-12-31.ods`,
    completions: `${LO}/webbutbildning-export.ods`,
    attendance: `${LO}/narvaro-fordjupning.ods`,
  },
  "LibreOffice .fods staff list": {
    staff: `${LO}/personal-2025-12-31.fods`,
    completions: `${LO}/webbutbildning-export.ods`,
    attendance: `${LO}/narvaro-fordjupning.ods`,
  },
  "LibreOffice .xlsx": {
    staff: `${LO}/personal-2025-12-31.xlsx`,
    completions: `${LO}/webbutbildning-export.xlsx`,
    attendance: `${EX}/narvaro-fordjupning.xlsx`,
  },
};

/** Every CLI document the set produces, without what names the file. */
async function figuresOf(set: FileSet, dbs: TestDb[]) {
  const t = await createTestDb();
  dbs.push(t);
  const stderr: string[] = [];
  const json = async (...argv: string[]) => {
    const c = captureIo({ now: "2026-02-02T09:00:00Z" });
    expect(await runCli([...argv, "--json"], c.io, t.db), argv.join(" ")).toBe(0);
    stderr.push(...c.err);
    const { fileName: _f, importId: _i, ...doc } = c.json();
    return doc;
  };
  return {
    staff: await json("import", "staff", set.staff, "--as-of", "2025-12-31"),
    completions: await json("import", "completions", set.completions),
    attendance: await json("import", "completions", set.attendance),
    coverage: await json("report", "coverage", "--as-of", "2025-12-31"),
    annual: await json("report", "annual", "--year", "2025"),
    stderr: stderr.join(""),
  };
}

describe("LibreOffice files give the same figures as .xlsx and .csv", () => {
  const dbs: TestDb[] = [];
  afterAll(() => {
    for (const t of dbs) t.cleanup();
  });

  it("every set: same counts, coverage and annual report, nothing on stderr", async () => {
    const reference = await figuresOf(SETS["original .xlsx/.csv"]!, dbs);
    // The figures themselves, as in test/cli/import.test.ts (worked out from the sample rows).
    expect(reference.staff).toMatchObject({ rows: 10, created: 10, errors: [] });
    expect(reference.completions).toMatchObject({ matched: 5, unmatched: 1, ignored: 3 });
    expect(reference.attendance).toMatchObject({ matched: 3, unmatched: 0, errors: [] });
    expect(reference.coverage).toMatchObject({ headcount: 10, reached: 5, completed: 3 });
    expect(reference.annual).toMatchObject({ headcount: 10, reached: 5, deepened: 3 });
    expect(reference.stderr).toBe("");
    for (const [name, set] of Object.entries(SETS)) {
      expect(await figuresOf(set, dbs), name).toEqual(reference);
    }
  }, 120_000);

  it("the real CLI process prints no SheetJS warning for an .ods on stderr", async () => {
    const t = await createTestDb();
    dbs.push(t);
    const run = await promisify(execFile)(
      "npx",
      [
        "tsx",
        "src/cli.ts",
        "import",
        "staff",
        `${LO}/personal-2025-12-31.ods`,
        "--as-of",
        "2025-12-31",
        "--json",
      ],
      { env: { ...process.env, DATABASE_URL: t.url } },
    );
    expect(JSON.parse(run.stdout)).toMatchObject({ kind: "staff", created: 10 });
    expect(run.stderr).toBe("");
  }, 120_000);
});
