/**
 * Acceptance: the customer's own kind of files through the CLI contract (DESIGN.md, "Command
 * line"), compared with figures worked out BY HAND from the rows in customer-files.ts.
 * Every expected number below is a literal; the comment above it says which rows give it.
 *
 * Import order (what HR does at a year end): staff 2024 → export A → attendance 2024 →
 * staff 2025 → export B → attendance 2025 → export C.
 *
 * The vbe-webb events after all imports (earliest start / earliest completion):
 *   Anna     2024-03-04 / 2024-03-04  (A, B; C shows her 2025-11-03 redo: earliest stays 2024)
 *   Bo       2024-11-20 / 2025-02-14  (A, B Påbörjad; C Genomförd)
 *   Cecilia  2024-05-02 / 2024-05-06
 *   David    2025-06-02 / —           (A Ej påbörjad; B, C Påbörjad)
 *   Eva      — / —                    (Ej påbörjad; her Brandskydd row is outside the catalogue)
 *   Fredrik  2024-12-30 / 2025-03-04  (B: 30/12/2024 and 4/3/2025, day first)
 *   Greta    2025-05-15 / 2025-10-01
 *   Henrik   2024-11-10 / 2024-11-10  (unmatched in A; matched in B and C; employed 2025-03-03)
 *   Ingrid   2025-09-01 / —           (C, matched by anst.nr; private e-mail)
 *   Johan    2026-01-05 / 2026-01-07
 * Employments:
 *   1001 Anna, 1002 Bo        FSK01 2015-08-01 / 2019-01-07 → open
 *   1003 Cecilia              FSK02 2020-03-01 → 2025-12-30 (missing in the 2025-12-31 list)
 *   1004 David                FSK02 2018-05-14 → 2025-12-30, then ALD01 2025-12-31 → open
 *   1005 Eva, 1007 Greta      ALD01 2010-01-01 / 2021-09-01 → open
 *   1006 Fredrik              ALD01 2024-06-01 → open
 *   1008 Henrik               FSK02 2025-03-03 → open
 *   1009 Ingrid               ALD01 2025-01-01 → open (Anställningsdatum 2024-10-14, but the
 *                             2024-12-31 snapshot did not list her: she starts the day after it)
 *   1010 Johan                FSK01 2025-08-18 → open
 * Deepened completions: 2024-10-15 Greta, Anna, Cecilia; 2025-04-09 Greta, Cecilia, David
 * (+ Greta's second signature), 2025-09-17 Greta (Otillåten påverkan).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli";
import { CLI_PROCESS_TEST_TIMEOUT_MS, runCliProcess } from "../helpers/cli";
import { createTestDb, type TestDb } from "../helpers/db";
import { xlsxBytes } from "../helpers/files";
import { dumpData } from "../helpers/imports";
import {
  type CustomerFile,
  exportA,
  exportOther,
  staffOther,
  writeCustomerFiles,
} from "./customer-files";

interface Result {
  code: number;
  out: string;
  err: string;
  // biome-ignore lint/suspicious/noExplicitAny: the CLI's JSON document
  json: any;
}

describe("customer files through the CLI contract", () => {
  let t: TestDb;
  let files: Record<CustomerFile, string>;

  /** In process, exactly the argv the customer types after `npm run --silent cli --`. */
  async function cli(...argv: string[]): Promise<Result> {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      stdout: (s: string) => out.push(s),
      stderr: (s: string) => err.push(s),
      env: { DATABASE_URL: t.url },
      now: () => new Date("2026-02-02T09:00:00Z"),
    };
    const code = await runCli(argv, io, t.db);
    const text = out.join("");
    return {
      code,
      out: text,
      err: err.join(""),
      json: argv.includes("--json") && text ? JSON.parse(text) : null,
    };
  }

  /** A real process (node running src/cli.ts, as `npm run --silent cli` does) with DATABASE_URL. */
  async function spawned(...argv: string[]): Promise<Result> {
    const r = await runCliProcess(argv, { env: { DATABASE_URL: t.url } });
    return {
      code: r.code ?? -1,
      out: r.stdout,
      err: r.stderr,
      json: r.stdout ? JSON.parse(r.stdout) : null,
    };
  }

  /** Every figure the customer checks, to prove a bad or repeated import changed none. */
  async function allFigures() {
    const docs = [];
    for (const argv of [
      ["report", "annual", "--year", "2024", "--json"],
      ["report", "annual", "--year", "2025", "--json"],
      ["report", "coverage", "--as-of", "2025-06-30", "--json"],
      ["report", "coverage", "--as-of", "2026-01-31", "--json"],
    ]) {
      docs.push((await cli(...argv)).json);
    }
    return { docs, data: await dumpData(t.db) };
  }

  beforeAll(async () => {
    t = await createTestDb();
    files = writeCustomerFiles(t.dir);
  });
  afterAll(() => t.cleanup());

  it("the files are what Swedish Excel and the platform write", () => {
    const a = exportA();
    expect(a).toContain(0x96); // en dash in Windows-1252
    expect(a).toContain(0xe5); // å
    expect(Array.from(a)).not.toContain(0xe2); // no UTF-8 lead byte of "–"
  });

  it("staff 2024 (.xlsx, title rows, merged group header, serial dates)", async () => {
    const r = await cli(
      "import",
      "staff",
      files["personal-2024-12-31.xlsx"],
      "--as-of",
      "2024-12-31",
      "--json",
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    // 8 data rows (1001–1007, with 1002 Bo pasted twice: identical, read once) → 7 people, all new.
    expect(r.json).toEqual({
      kind: "staff",
      asOf: "2024-12-31",
      rows: 8,
      created: 7,
      updated: 0,
      unchanged: 0,
      left: 0,
      // One post each: 7 opened.
      posts: { opened: 7, closed: 0 },
      errors: [],
      dryRun: false,
    });
  });

  it("export A (Windows-1252, `;`, dates with time)", async () => {
    const r = await cli("import", "completions", files["kursexport-2025-01-10.csv"], "--json");
    expect(r.code).toBe(0);
    // 10 rows: matched Anna, Bo (" Bo.Berg@SDF.se"), Cecilia, Fredrik (upper case), Anna again = 5;
    // unmatched Henrik (not yet staff), Ulla = 2; ignored David, Greta (Ej påbörjad), Eva (Brandskydd) = 3.
    expect(r.json).toEqual({
      kind: "completions",
      rows: 10,
      matched: 5,
      unmatched: 2,
      ignored: 3,
      errors: [],
      dryRun: false,
    });
  });

  it("attendance 2024 (.xlsx, no status column)", async () => {
    const r = await cli("import", "completions", files["narvaro-2024.xlsx"], "--json");
    expect(r.code).toBe(0);
    // Greta, Anna (upper-case e-mail), Cecilia (trailing space).
    expect(r.json).toMatchObject({ rows: 3, matched: 3, unmatched: 0, ignored: 0, errors: [] });
  });

  const ANNUAL_2024 = {
    year: 2024,
    asOf: "2024-12-31",
    course: "vbe-webb",
    // employed 2024-12-31: 1001–1007
    headcount: 7,
    // Anna 03-04, Bo 11-20, Cecilia 05-02, Fredrik 12-30
    reached: 4,
    // Anna 03-04, Cecilia 05-06
    completed: 2,
    // all four reached first in 2024
    reachedInYear: 4,
    // 2024-10-15: Greta, Anna, Cecilia
    deepened: 3,
    sentence:
      "Under året har 4 medarbetare av 7 påbörjat eller helt genomfört utbildningen. Tre medarbetare har även gått fördjupade utbildningar.",
  };

  it("report annual 2024 and coverage at the end of 2024", async () => {
    expect((await cli("report", "annual", "--year", "2024", "--json")).json).toEqual(ANNUAL_2024);
    const cov = await cli("report", "coverage", "--as-of", "2024-12-31", "--json");
    expect(cov.json).toEqual({
      unit: null,
      asOf: "2024-12-31",
      course: "vbe-webb",
      headcount: 7,
      reached: 4,
      completed: 2,
      children: [
        // Anna, Bo, Cecilia, David / reached Anna, Bo, Cecilia / completed Anna, Cecilia
        { code: null, name: "Förskola", headcount: 4, reached: 3, completed: 2 },
        // Eva, Fredrik, Greta / reached Fredrik / completed none
        { code: null, name: "Äldreomsorg", headcount: 3, reached: 1, completed: 0 },
      ],
    });
    // 2024-06-30: Fredrik hired 06-01 → 7; reached and completed Anna, Cecilia.
    expect((await cli("report", "coverage", "--as-of", "2024-06-30", "--json")).json).toMatchObject(
      {
        headcount: 7,
        reached: 2,
        completed: 2,
      },
    );
  });

  it('staff 2025 (UTF-8 `,` CSV, "Efternamn, Förnamn", d/m/yyyy): dry run writes nothing, then real', async () => {
    const before = await allFigures();
    // 9 rows: new Henrik, Ingrid, Johan = 3; David moved = 1 updated; Anna (e-mail only in
    // other case/spaces), Bo, Eva, Fredrik, Greta unchanged = 5; Cecilia missing = 1 left.
    const expected = {
      kind: "staff",
      asOf: "2025-12-31",
      rows: 9,
      created: 3,
      updated: 1,
      unchanged: 5,
      left: 1,
      // Opened: Henrik, Ingrid, Johan and David's new post; closed: David's old post, Cecilia's.
      posts: { opened: 4, closed: 2 },
      errors: [],
    };
    const dry = await cli(
      "import",
      "staff",
      files["personal-2025-12-31.csv"],
      "--as-of",
      "2025-12-31",
      "--dry-run",
      "--json",
    );
    expect(dry.code).toBe(0);
    expect(dry.json).toEqual({ ...expected, dryRun: true });
    expect(await allFigures()).toEqual(before);
    const real = await cli(
      "import",
      "staff",
      files["personal-2025-12-31.csv"],
      "--as-of",
      "2025-12-31",
      "--json",
    );
    expect(real.code).toBe(0);
    expect(real.json).toEqual({ ...expected, dryRun: false });
  });

  it("export B (UTF-8 BOM, `,`, quoted names, 4/3/2025 = 4 March)", async () => {
    const r = await cli("import", "completions", files["kursexport-2025-07-01.csv"], "--json");
    expect(r.code).toBe(0);
    // matched Anna, Bo, Cecilia (a leaver still matches), David, Fredrik, Greta, Henrik = 7;
    // unmatched Ulla = 1; ignored Eva (Ej påbörjad), Ingrid (Not started) = 2.
    expect(r.json).toEqual({
      kind: "completions",
      rows: 10,
      matched: 7,
      unmatched: 1,
      ignored: 2,
      errors: [],
      dryRun: false,
    });
  });

  it("attendance 2025 (`;` CSV, same person in a second year)", async () => {
    const r = await cli("import", "completions", files["narvaro-2025.csv"], "--json");
    expect(r.code).toBe(0);
    // Greta ×3 (one a repeated signature, one Otillåten påverkan), Cecilia, David.
    expect(r.json).toMatchObject({ rows: 5, matched: 5, unmatched: 0, ignored: 0, errors: [] });
  });

  it("export C (.xlsx, title rows, anst.nr, serial dates with time): dry run, real, identical again", async () => {
    const before = await allFigures();
    // matched Anna, Bo, Cecilia, David, Fredrik, Greta, Henrik, Ingrid (anst.nr 1009), Johan = 9;
    // unmatched Ulla = 1; ignored Eva (Ej påbörjad), Bo's Arbetsmiljö row = 2.
    const expected = {
      kind: "completions",
      rows: 12,
      matched: 9,
      unmatched: 1,
      ignored: 2,
      errors: [],
    };
    const dry = await cli(
      "import",
      "completions",
      files["kursexport-2026-01-08.xlsx"],
      "--dry-run",
      "--json",
    );
    expect(dry.code).toBe(0);
    expect(dry.json).toEqual({ ...expected, dryRun: true });
    expect(await allFigures()).toEqual(before);
    const real = await cli("import", "completions", files["kursexport-2026-01-08.xlsx"], "--json");
    expect(real.code).toBe(0);
    expect(real.json).toEqual({ ...expected, dryRun: false });
    const after = await allFigures();
    expect(after).not.toEqual(before);
    const again = await cli("import", "completions", files["kursexport-2026-01-08.xlsx"], "--json");
    expect(again.code).toBe(0);
    expect(await allFigures()).toEqual(after);
    const staffAgain = await cli(
      "import",
      "staff",
      files["personal-2025-12-31.csv"],
      "--as-of",
      "2025-12-31",
      "--json",
    );
    expect(staffAgain.code).toBe(0);
    expect(await allFigures()).toEqual(after);
  });

  it("a re-saved cumulative export (other bytes, same rows) adds nothing", async () => {
    const before = await allFigures();
    const path = join(t.dir, "kursexport-A-igen.csv");
    // Same rows as A re-saved with a different line ending: a new file, nothing new in it.
    writeFileSync(
      path,
      iconv.encode(
        `${iconv.decode(Buffer.from(exportA()), "win1252").replaceAll("\r\n", "\n")}`,
        "win1252",
      ),
    );
    const r = await cli("import", "completions", path, "--json");
    expect(r.code).toBe(0);
    // Henrik is staff since the 2025 list: his row matches now (6 matched), only Ulla is left.
    expect(r.json).toMatchObject({ rows: 10, matched: 6, unmatched: 1, ignored: 3 });
    expect((await allFigures()).docs).toEqual(before.docs);
  });

  it(
    "report annual 2025 — real process; 2024 unchanged by the 2025 data",
    async () => {
      const r = await spawned("report", "annual", "--year", "2025", "--json");
      expect(r.code).toBe(0);
      expect(r.json).toEqual({
        year: 2025,
        asOf: "2025-12-31",
        course: "vbe-webb",
        // employed 2025-12-31: 1001, 1002, 1004–1010 (Cecilia left 2025-12-30)
        headcount: 9,
        // Anna, Bo, David, Fredrik, Greta, Henrik, Ingrid (not Eva; Johan only in 2026)
        reached: 7,
        // Anna, Bo 02-14, Fredrik 03-04, Greta 10-01, Henrik
        completed: 5,
        // first reached in 2025: David 06-02, Greta 05-15, Ingrid 09-01 (Anna's 2025 redo,
        // Bo and Fredrik started 2024, Henrik 2024 before employment: not in the year)
        reachedInYear: 3,
        // 2025: Greta (twice, two courses), Cecilia (left later), David
        deepened: 3,
        sentence:
          "Totalt har 7 medarbetare av 9 påbörjat eller helt genomfört utbildningen, varav 3 under året. Tre medarbetare har även gått fördjupade utbildningar.",
      });
      expect((await cli("report", "annual", "--year", "2024", "--json")).json).toEqual(ANNUAL_2024);
    },
    CLI_PROCESS_TEST_TIMEOUT_MS,
  );

  it("report annual 2023: the first list's Anställningsdatum reaches back; nobody started yet", async () => {
    expect((await cli("report", "annual", "--year", "2023", "--json")).json).toEqual({
      year: 2023,
      asOf: "2023-12-31",
      course: "vbe-webb",
      // 1001–1005 and 1007 (Fredrik from 2024-06-01)
      headcount: 6,
      reached: 0,
      completed: 0,
      reachedInYear: 0,
      deepened: 0,
      sentence:
        "Ingen av 6 medarbetare har påbörjat utbildningen. Ingen medarbetare har gått någon fördjupad utbildning under året.",
    });
  });

  it.each([
    // whole organisation at the end of 2025
    [
      [],
      "2025-12-31",
      null,
      [9, 7, 5],
      [
        // Anna, Bo, Henrik, Johan / Anna, Bo, Henrik / Anna, Bo, Henrik
        { code: null, name: "Förskola", headcount: 4, reached: 3, completed: 3 },
        // David, Eva, Fredrik, Greta, Ingrid / David, Fredrik, Greta, Ingrid / Fredrik, Greta
        { code: null, name: "Äldreomsorg", headcount: 5, reached: 4, completed: 2 },
      ],
    ],
    // 2025-03-01: 1001–1007 + Ingrid (from 01-01), Henrik not yet (03-03)
    [
      [],
      "2025-03-01",
      null,
      // reached Anna, Bo, Cecilia, Fredrik; completed Anna, Cecilia, Bo (02-14)
      [8, 4, 3],
      [
        { code: null, name: "Förskola", headcount: 4, reached: 3, completed: 3 },
        { code: null, name: "Äldreomsorg", headcount: 4, reached: 1, completed: 0 },
      ],
    ],
    // Sätra by code mid-2025: Cecilia, David, Henrik; reached all three; completed Cecilia, Henrik
    [
      ["--unit", "FSK02"],
      "2025-06-30",
      { code: "FSK02", name: "Sätra förskoleenhet" },
      [3, 3, 2],
      [],
    ],
    // by name at the end of 2025: only Henrik (Cecilia left, David moved on 12-31)
    [
      ["--unit", "Sätra förskoleenhet"],
      "2025-12-31",
      { code: "FSK02", name: "Sätra förskoleenhet" },
      [1, 1, 1],
      [],
    ],
    // the avdelning by name (it has no code)
    [
      ["--unit", "Förskola"],
      "2025-12-31",
      { code: null, name: "Förskola" },
      [4, 3, 3],
      [
        // Anna, Bo, Johan / Anna, Bo / Anna, Bo
        { code: "FSK01", name: "Bredängs förskoleenhet", headcount: 3, reached: 2, completed: 2 },
        { code: "FSK02", name: "Sätra förskoleenhet", headcount: 1, reached: 1, completed: 1 },
      ],
    ],
    // Hemtjänst by code: David, Eva, Fredrik, Greta, Ingrid
    [
      ["--unit", "ALD01"],
      "2025-12-31",
      { code: "ALD01", name: "Hemtjänst Skärholmen" },
      [5, 4, 2],
      [],
    ],
    // typed the way people type: lower case, with å ä ö
    [
      ["--unit", "hemtjänst skärholmen"],
      "2025-12-31",
      { code: "ALD01", name: "Hemtjänst Skärholmen" },
      [5, 4, 2],
      [],
    ],
    [
      ["--unit", "äldreomsorg"],
      "2025-12-31",
      { code: null, name: "Äldreomsorg" },
      [5, 4, 2],
      [{ code: "ALD01", name: "Hemtjänst Skärholmen", headcount: 5, reached: 4, completed: 2 }],
    ],
    [
      ["--unit", "fsk02"],
      "2025-06-30",
      { code: "FSK02", name: "Sätra förskoleenhet" },
      [3, 3, 2],
      [],
    ],
    // January 2026, no newer list: the same 9; + Johan (started 01-05, completed 01-07)
    [
      [],
      "2026-01-31",
      null,
      [9, 8, 6],
      [
        { code: null, name: "Förskola", headcount: 4, reached: 4, completed: 4 },
        { code: null, name: "Äldreomsorg", headcount: 5, reached: 4, completed: 2 },
      ],
    ],
    // Bredäng after Johan's January course: Anna, Bo, Johan all reached and completed
    [
      ["--unit", "FSK01"],
      "2026-01-31",
      { code: "FSK01", name: "Bredängs förskoleenhet" },
      [3, 3, 3],
      [],
    ],
  ] as const)(
    "report coverage %j as of %s",
    async (unitArgs, asOf, unit, [headcount, reached, completed], children) => {
      const r = await cli("report", "coverage", ...unitArgs, "--as-of", asOf, "--json");
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(r.json).toEqual({
        unit,
        asOf,
        course: "vbe-webb",
        headcount,
        reached,
        completed,
        children,
      });
    },
  );

  const BAD: Array<[string, string | null, string, string[]]> = [
    [
      "staff: a date that does not exist",
      "fel-datum.csv",
      "Anst.nr;Namn;Enhet;Anställningsdatum\r\n1001;Anna Andersson;Bredängs förskoleenhet;31/02/2025\r\n",
      ["import", "staff", "--as-of", "2026-03-31"],
    ],
    [
      "staff: same anst.nr, different person",
      "dubbel.csv",
      "Anst.nr;Namn;Enhet\n1011;Karin Kvist;Sätra förskoleenhet\n1011;Lars Lind;Sätra förskoleenhet\n",
      ["import", "staff", "--as-of", "2026-03-31"],
    ],
    [
      "staff: snapshot older than the imported 2025-12-31 one",
      "personal-2025-06-30.csv",
      "Anst.nr;Namn;Enhet\n1001;Anna Andersson;Bredängs förskoleenhet\n",
      ["import", "staff", "--as-of", "2025-06-30"],
    ],
    [
      "staff: --as-of 2025-13-01",
      "ok.csv",
      "Anst.nr;Namn;Enhet\n1001;Anna Andersson;Bredängs förskoleenhet\n",
      ["import", "staff", "--as-of", "2025-13-01"],
    ],
    [
      "completions: unknown status without dates",
      "okand-status.csv",
      "Namn;E-post;Kurs;Status\nBo Berg;bo.berg@sdf.se;VBE webbutbildning;Väntar på granskning\n",
      ["import", "completions"],
    ],
    [
      "completions: attendance date that does not exist",
      "narvaro-fel.csv",
      "Namn;E-post;Kurs;Datum\nEva Ek;eva.ek@sdf.se;Fördjupningsutbildning VBE;2025-02-30\n",
      ["import", "completions"],
    ],
    ["completions: empty file", "tom.csv", "", ["import", "completions"]],
    [
      "completions: a PDF named .xlsx",
      "export.xlsx",
      "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n",
      ["import", "completions"],
    ],
    [
      "completions: no course column",
      "utan-kurs.csv",
      "Namn;E-post;Status;Slutförd datum\nEva Ek;eva.ek@sdf.se;Genomförd;2025-05-05\n",
      ["import", "completions"],
    ],
    ["completions: missing file", null, "", ["import", "completions"]],
  ];

  it.each(BAD)("bad input → exit 1, nothing written: %s", async (_, name, content, cmd) => {
    const before = await allFigures();
    const path = name ? join(t.dir, name) : join(t.dir, "finns-inte.csv");
    if (name) writeFileSync(path, content);
    const [verb, kind, ...flags] = cmd as [string, string, ...string[]];
    const r = await cli(verb, kind, path, ...flags, "--json");
    expect(r.code).toBe(1);
    expect(r.err).not.toBe("");
    expect(await allFigures()).toEqual(before);
  });

  it.each([
    [["report", "annual", "--year", "25"]],
    [["report", "annual"]],
    [["report", "coverage", "--unit", "Finns inte"]],
    [["report", "coverage", "--as-of", "31/12/2025"]],
  ])("bad report arguments → exit 1: %j", async (argv) => {
    const before = await allFigures();
    const r = await cli(...argv, "--json");
    expect(r.code).toBe(1);
    expect(r.err).not.toBe("");
    expect(await allFigures()).toEqual(before);
  });

  it(
    "a bad file through the real process: exit 1, errors as JSON, nothing written",
    async () => {
      const before = await allFigures();
      const path = join(t.dir, "personal-fel.csv");
      writeFileSync(
        path,
        iconv.encode(
          "Anst.nr;Namn;Enhet;Anställningsdatum\r\n1012;Åsa Öberg;Sätra förskoleenhet;2026-02-30\r\n",
          "win1252",
        ),
      );
      const r = await spawned("import", "staff", path, "--as-of", "2026-03-31", "--json");
      expect(r.code).toBe(1);
      expect(r.json).toMatchObject({ kind: "staff", errors: [{ row: 2 }] });
      expect(r.err).toContain("Rad 2");
      expect(await allFigures()).toEqual(before);
    },
    CLI_PROCESS_TEST_TIMEOUT_MS,
  );
});

describe("another administration: cp1252 staff list, American dates, Å/Ä/Ö units", () => {
  let t: TestDb;
  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      stdout: (s: string) => out.push(s),
      stderr: (s: string) => err.push(s),
      env: { DATABASE_URL: t.url },
      now: () => new Date("2026-02-02T09:00:00Z"),
    };
    const code = await runCli([...argv, "--json"], io, t.db);
    return { code, err: err.join(""), json: JSON.parse(out.join("") || "null") };
  }
  beforeAll(async () => {
    t = await createTestDb();
    writeFileSync(join(t.dir, "personal.csv"), staffOther());
    writeFileSync(join(t.dir, "export.csv"), exportOther());
  });
  afterAll(() => t.cleanup());

  it("imports the staff list and the export", async () => {
    const staff = await cli(
      "import",
      "staff",
      join(t.dir, "personal.csv"),
      "--as-of",
      "2025-12-31",
    );
    expect(staff.err).toBe("");
    // 4 people; the sep= line, title, empty `;;;` rows and "Summa: 4" are no rows.
    expect(staff.json).toEqual({
      kind: "staff",
      asOf: "2025-12-31",
      rows: 4,
      created: 4,
      updated: 0,
      unchanged: 0,
      left: 0,
      posts: { opened: 4, closed: 0 },
      errors: [],
      dryRun: false,
    });
    const done = await cli("import", "completions", join(t.dir, "export.csv"));
    expect(done.err).toBe("");
    // Åsa (e-mail in capitals), Örjan, Ängla, Kim (anst.nr 00126 only) = 4; Bo Nilsson (name only) unmatched.
    expect(done.json).toEqual({
      kind: "completions",
      rows: 5,
      matched: 4,
      unmatched: 1,
      ignored: 0,
      errors: [],
      dryRun: false,
    });
  });

  it("report annual 2025", async () => {
    expect((await cli("report", "annual", "--year", "2025")).json).toEqual({
      year: 2025,
      asOf: "2025-12-31",
      course: "vbe-webb",
      headcount: 4,
      // Åsa, Örjan, Ängla (Kim only in 2026)
      reached: 3,
      // Åsa 04-03, Örjan 02-01
      completed: 2,
      reachedInYear: 3,
      deepened: 0,
      sentence:
        "Under året har 3 medarbetare av 4 påbörjat eller helt genomfört utbildningen. Ingen medarbetare har gått någon fördjupad utbildning under året.",
    });
  });

  it.each([
    // end of year; units listed in Swedish order (Å before Ä)
    [
      "2025-12-31",
      [4, 3, 2],
      [
        { code: "FSK10", name: "Årsta förskola", headcount: 2, reached: 2, completed: 2 },
        // Ängla, Kim / Ängla / none
        { code: "ALD10", name: "Älvsjö hemtjänst", headcount: 2, reached: 1, completed: 0 },
      ],
    ],
    // 2025-03-31: Kim not yet employed; Åsa started 03-25 but completes only on 3 April
    [
      "2025-03-31",
      [3, 2, 1],
      [
        { code: "FSK10", name: "Årsta förskola", headcount: 2, reached: 2, completed: 1 },
        { code: "ALD10", name: "Älvsjö hemtjänst", headcount: 1, reached: 0, completed: 0 },
      ],
    ],
    [
      "2025-04-03",
      [3, 2, 2],
      [
        { code: "FSK10", name: "Årsta förskola", headcount: 2, reached: 2, completed: 2 },
        { code: "ALD10", name: "Älvsjö hemtjänst", headcount: 1, reached: 0, completed: 0 },
      ],
    ],
  ] as const)(
    "report coverage as of %s",
    async (asOf, [headcount, reached, completed], children) => {
      expect((await cli("report", "coverage", "--as-of", asOf)).json).toEqual({
        unit: null,
        asOf,
        course: "vbe-webb",
        headcount,
        reached,
        completed,
        children,
      });
    },
  );

  it("report coverage --unit by a lower-case name with å", async () => {
    const r = await cli("report", "coverage", "--unit", "årsta förskola", "--as-of", "2026-01-31");
    expect(r.json).toMatchObject({
      unit: { code: "FSK10" },
      headcount: 2,
      reached: 2,
      completed: 2,
    });
  });

  it("the list re-saved by Excel as .xlsx (leading zeros gone) is the same people", async () => {
    const path = join(t.dir, "personal-2026-01-31.xlsx");
    writeFileSync(
      path,
      xlsxBytes([
        ["Anst.nr", "Namn", "E-post", "Enhet", "Enhetskod"],
        [123, "Åsa Öberg", "asa.oberg@sdf.se", "Årsta förskola", "FSK10"],
        [124, "Örjan Åkesson", "orjan.akesson@sdf.se", "Årsta förskola", "FSK10"],
        [125, "Ängla Ärlig", "angla.arlig@sdf.se", "Älvsjö hemtjänst", "ALD10"],
        [126, "Kim Lund", "kim.lund@sdf.se", "Älvsjö hemtjänst", "ALD10"],
      ]),
    );
    const r = await cli("import", "staff", path, "--as-of", "2026-01-31");
    // 00123 … 00126 became numbers: nobody new, nobody left.
    expect(r.json).toMatchObject({ rows: 4, created: 0, updated: 0, unchanged: 4, left: 0 });
  });

  it("noise rows: an unknown person's 'Ej påbörjad' is ignored, not queued", async () => {
    const path = join(t.dir, "export-brus.csv");
    writeFileSync(
      path,
      "Namn;E-post;Kurs;Status;Startdatum\nUlla Ut;ulla.ut@extern.se;VBE webbutbildning;Ej påbörjad;\nUlla Ut;ulla.ut@extern.se;Brandskydd;Genomförd;2025-01-01\nKim Lund;;VBE webbutbildning;Påbörjad;2025-01-01\n",
    );
    const r = await cli("import", "completions", path, "--dry-run");
    // Ulla ×2 ignored (Ej påbörjad; a course outside the catalogue); Kim by name only → unmatched.
    expect(r.json).toMatchObject({ rows: 3, matched: 0, unmatched: 1, ignored: 2, dryRun: true });
  });

  it("Kim's 1/12/2026 is 12 January in that American file", async () => {
    // Ängla, Kim / Ängla, Kim (started 2026-01-12) / Kim
    const r = await cli("report", "coverage", "--unit", "ALD10", "--as-of", "2026-01-31");
    expect(r.json).toMatchObject({ headcount: 2, reached: 2, completed: 1 });
  });

  it("a unit renamed in HR's system keeps its code and takes the new name; undo gives the old back", async () => {
    const path = join(t.dir, "personal-2026-02-28.csv");
    const text = iconv
      .decode(Buffer.from(staffOther()), "win1252")
      .replaceAll("Älvsjö hemtjänst;", "Älvsjö hemtjänst och daglig verksamhet;");
    writeFileSync(path, iconv.encode(text, "win1252"));
    const out: string[] = [];
    const io = {
      stdout: (x: string) => out.push(x),
      stderr: () => {},
      env: {},
      now: () => new Date(),
    };
    expect(
      await runCli(["import", "staff", path, "--as-of", "2026-02-28", "--dry-run"], io, t.db),
    ).toBe(0);
    expect(out.join("")).toContain(
      "Nytt namn: Älvsjö hemtjänst → Älvsjö hemtjänst och daglig verksamhet",
    );
    const r = await cli("import", "staff", path, "--as-of", "2026-02-28");
    // Same four people in the same units: nothing changes for them.
    expect(r.json).toMatchObject({ rows: 4, created: 0, updated: 0, unchanged: 4, left: 0 });
    const renamed = await cli(
      "report",
      "coverage",
      "--unit",
      "älvsjö hemtjänst och daglig verksamhet",
      "--as-of",
      "2026-02-28",
    );
    // Ängla, Kim / both started / Kim completed
    expect(renamed.json).toMatchObject({
      unit: { code: "ALD10", name: "Älvsjö hemtjänst och daglig verksamhet" },
      headcount: 2,
      reached: 2,
      completed: 1,
    });
    expect((await cli("report", "coverage", "--unit", "Älvsjö hemtjänst")).code).toBe(1);
    expect((await cli("import", "undo", "staff")).code).toBe(0);
    const back = await cli(
      "report",
      "coverage",
      "--unit",
      "Älvsjö hemtjänst",
      "--as-of",
      "2026-02-28",
    );
    expect(back.json).toMatchObject({
      unit: { code: "ALD10", name: "Älvsjö hemtjänst" },
      headcount: 2,
    });
  });

  it("an attendance list typed in Excel with course and date only in its title", async () => {
    const path = join(t.dir, "narvaro-oktober.xlsx");
    writeFileSync(
      path,
      xlsxBytes([
        ["Närvarolista Fördjupningsutbildning VBE 15 oktober 2025"],
        [],
        ["Namn", "E-post"],
        ["Öberg, Åsa", "asa.oberg@sdf.se"],
        ["Lund, Kim", " KIM.LUND@sdf.se"],
      ]),
    );
    const r = await cli("import", "completions", path);
    expect(r.json).toMatchObject({ rows: 2, matched: 2, unmatched: 0, ignored: 0, errors: [] });
    // deepened(2025): Åsa and Kim on 2025-10-15; the rest as before (3 of 4, all in 2025).
    expect((await cli("report", "annual", "--year", "2025")).json).toMatchObject({
      headcount: 4,
      reached: 3,
      reachedInYear: 3,
      deepened: 2,
      sentence:
        "Under året har 3 medarbetare av 4 påbörjat eller helt genomfört utbildningen. Två medarbetare har även gått fördjupade utbildningar.",
    });
    expect((await cli("report", "annual", "--year", "2026")).json).toMatchObject({ deepened: 0 });
  });

  it("a unit name used twice ('Administration' in both avdelningar): --unit asks for the code", async () => {
    const path = join(t.dir, "personal-2026-03-31.csv");
    const text = iconv
      .decode(Buffer.from(staffOther()), "win1252")
      .replace(
        "Anst.nr;Namn;E-post;Enhet;Enhetskod;Anställningsdatum",
        "Anst.nr;Namn;E-post;Avdelning;Enhet;Enhetskod;Anställningsdatum",
      )
      .replace(/^(\d{5};[^;]*;[^;]*;)/gm, "$1;")
      .replace(
        "Summa: 4;;;;;",
        "00130;Pia Ek;pia.ek@sdf.se;Förskola;Administration;ADM1;2026-03-01\r\n00131;Per Ek;per.ek@sdf.se;Äldreomsorg;Administration;ADM2;2026-03-01",
      );
    writeFileSync(path, iconv.encode(text, "win1252"));
    const r = await cli("import", "staff", path, "--as-of", "2026-03-31");
    expect(r.err).toBe("");
    // the four as before (no avdelning), Pia and Per new
    expect(r.json).toMatchObject({ rows: 6, created: 2, updated: 0, unchanged: 4, left: 0 });
    const both = await cli(
      "report",
      "coverage",
      "--unit",
      "administration",
      "--as-of",
      "2026-03-31",
    );
    expect(both.code).toBe(1);
    expect(both.err).toContain("ADM1, ADM2");
    const one = await cli("report", "coverage", "--unit", "ADM2", "--as-of", "2026-03-31");
    expect(one.json).toMatchObject({
      unit: { code: "ADM2", name: "Administration" },
      headcount: 1,
      reached: 0,
    });
  });
});
