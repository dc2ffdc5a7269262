import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli";
import { CLI_PROCESS_TEST_TIMEOUT_MS, captureIo, runCliProcess } from "../helpers/cli";
import { createTestDb, type TestDb } from "../helpers/db";
import { xlsxBytes } from "../helpers/files";
import { count, dumpData } from "../helpers/imports";

// Ten hand-checkable people (the sample files before they continued the demo organisation).
const EX = "test/fixtures/ten-people";

const io = (env: Record<string, string> = {}) => captureIo({ env, now: "2026-04-10T10:00:00Z" });

describe("cli import (in process)", () => {
  let t: TestDb;
  const file = (name: string, bytes: Uint8Array | string) => {
    const path = join(t.dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.cleanup());

  it("import staff --json follows the contract, --dry-run writes nothing", async () => {
    const c = io();
    const argv = [
      "import",
      "staff",
      `${EX}/personal-2025-12-31.xlsx`,
      "--as-of",
      "2025-12-31",
      "--json",
    ];
    expect(await runCli([...argv, "--dry-run"], c.io, t.db)).toBe(0);
    expect(Object.keys(c.json())).toEqual([
      "kind",
      "asOf",
      "rows",
      "created",
      "updated",
      "unchanged",
      "left",
      "posts",
      "errors",
      "dryRun",
    ]);
    expect(c.json()).toEqual({
      kind: "staff",
      asOf: "2025-12-31",
      rows: 10,
      created: 10,
      updated: 0,
      unchanged: 0,
      left: 0,
      posts: { opened: 10, closed: 0 },
      errors: [],
      dryRun: true,
    });
    expect(await count(t.db, "people")).toBe(0);
    const real = io();
    expect(await runCli(argv, real.io, t.db)).toBe(0);
    expect(real.json()).toMatchObject({ created: 10, dryRun: false });
  });

  it("import staff defaults --as-of to today in Stockholm", async () => {
    const c = io();
    const argv = ["import", "staff", `${EX}/personal-2026-03-31.csv`, "--dry-run", "--json"];
    expect(await runCli(argv, c.io, t.db)).toBe(0);
    expect(c.json()).toMatchObject({ asOf: "2026-04-10", dryRun: true });
  });

  it("import completions --json follows the contract", async () => {
    const c = io();
    expect(
      await runCli(
        ["import", "completions", `${EX}/webbutbildning-export.csv`, "--json"],
        c.io,
        t.db,
      ),
    ).toBe(0);
    expect(Object.keys(c.json())).toEqual([
      "kind",
      "rows",
      "matched",
      "unmatched",
      "ignored",
      "errors",
      "dryRun",
    ]);
    expect(c.json()).toEqual({
      kind: "completions",
      rows: 9,
      matched: 5,
      unmatched: 1,
      ignored: 3,
      errors: [],
      dryRun: false,
    });
    const again = io();
    expect(
      await runCli(["import", "completions", `${EX}/webbutbildning-export.csv`], again.io, t.db),
    ).toBe(0);
    expect(again.out.join("")).toContain("redan importerad");
  });

  it("row errors: exit 1, JSON with every error on stdout, errors on stderr, nothing written", async () => {
    const before = await dumpData(t.db);
    const path = file(
      "fel.csv",
      "Anst.nr;Namn;Enhet;Anställningsdatum\n1;Anna Berg;X;31/02/2019\n2;;X;\n",
    );
    const c = io();
    expect(
      await runCli(["import", "staff", path, "--as-of", "2026-01-01", "--json"], c.io, t.db),
    ).toBe(1);
    expect(c.json()).toMatchObject({
      kind: "staff",
      errors: [
        { row: 2, message: "Rad 2, kolumn Anställningsdatum: '31/02/2019' är inget datum" },
        { row: 3, message: "Rad 3, kolumn Namn: namn saknas" },
      ],
    });
    expect(c.err.join("")).toContain(
      "Rad 2, kolumn Anställningsdatum: '31/02/2019' är inget datum",
    );
    expect(await dumpData(t.db)).toEqual(before);
  });

  it.each([
    ["empty file", "tom.csv", "", [], /Filen är tom/],
    [
      "random bytes named .xlsx",
      "slump.xlsx",
      new Uint8Array(2048).map((_, i) => (i * 31 + 7) % 256),
      [],
      /ingen Excel-fil/,
    ],
    ["wrong type", "brev.docx", "hej", [], /Filtypen \.docx stöds inte/],
    ["no header", "x.csv", "a;b;c\n1;2;3\n", [], /Hittar ingen rubrikrad/],
    [
      "duplicate employee numbers",
      "dup.csv",
      "Anst.nr;Namn;Enhet\n1;Anna Berg;X\n1;Bo Ek;Y\n",
      [],
      /1 finns också på rad 2/,
    ],
    [
      "oversized",
      "stor.csv",
      `Anst.nr;Namn;Enhet\n${"1;Anna Berg;X\n".repeat(2000)}`,
      ["IMPORT_LIMIT_MB", "0.01"],
      /Filen är 2\d kB; högst 11 kB tas emot/,
    ],
    ["missing file", null, "", [], /Hittar inte filen/],
    [
      "bad --as-of",
      "ok.csv",
      "Anst.nr;Namn;Enhet\n1;Anna Berg;X\n",
      ["as-of", "2025-02-30"],
      /är inget datum/,
    ],
  ] as const)(
    "%s → exit 1, Swedish message, nothing written",
    async (_, name, content, extra, message) => {
      const before = await dumpData(t.db);
      const path = name ? file(name, content) : join(t.dir, "finns-inte.xlsx");
      const env: Record<string, string> =
        extra[0] === "IMPORT_LIMIT_MB" ? { IMPORT_LIMIT_MB: extra[1] } : {};
      const asOf = extra[0] === "as-of" ? extra[1] : "2026-04-01";
      const c = io(env);
      expect(await runCli(["import", "staff", path, "--as-of", asOf, "--json"], c.io, t.db)).toBe(
        1,
      );
      expect(c.err.join("")).toMatch(message);
      expect(await dumpData(t.db)).toEqual(before);
    },
  );

  it("refuses an absurd sheet for completions too", async () => {
    const rows = [["Namn", "Kurs", "Status"], ...Array.from({ length: 3 }, () => ["a", "b", "c"])];
    rows[1]![600] = "x";
    const c = io();
    expect(
      await runCli(["import", "completions", file("bred.xlsx", xlsxBytes(rows))], c.io, t.db),
    ).toBe(1);
    expect(c.err.join("")).toMatch(/kolumner/);
  });

  it("import undo reverts the latest import of a kind", async () => {
    const c = io();
    expect(await runCli(["import", "undo", "completions", "--json"], c.io, t.db)).toBe(0);
    expect(c.json()).toMatchObject({ kind: "completions", fileName: "webbutbildning-export.csv" });
    expect(await count(t.db, "completions")).toBe(0);
    const bad = io();
    expect(await runCli(["import", "undo", "allt"], bad.io, t.db)).toBe(1);
  });
});

describe("cli import (real process, DATABASE_URL)", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.cleanup());

  // One real process per command of the contract (import staff and report annual are in
  // test/acceptance); everything else runs in process above.
  it(
    "imports completions and reports coverage from the same database; a bad file exits 1",
    async () => {
      const cli = (args: string[]) => runCliProcess(args, { env: { DATABASE_URL: t.url } });
      const staff = io();
      const staffArgv = [
        "import",
        "staff",
        `${EX}/personal-2025-12-31.xlsx`,
        "--as-of",
        "2025-12-31",
      ];
      expect(await runCli(staffArgv, staff.io, t.db)).toBe(0);
      const bad = await cli(["import", "completions", "imports/examples/generate.ts", "--json"]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain("Filtypen .ts stöds inte");
      expect(bad.stdout).toBe("");
      const done = await cli([
        "import",
        "completions",
        `${EX}/webbutbildning-export.csv`,
        "--json",
      ]);
      expect(done.code).toBe(0);
      expect(JSON.parse(done.stdout)).toMatchObject({ matched: 5, unmatched: 1, ignored: 3 });
      const cov = await cli(["report", "coverage", "--as-of", "2025-12-31", "--json"]);
      expect(cov.code).toBe(0);
      expect(JSON.parse(cov.stdout)).toMatchObject({ headcount: 10, reached: 5, completed: 3 });
    },
    CLI_PROCESS_TEST_TIMEOUT_MS,
  );
});
