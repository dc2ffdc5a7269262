import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requirementRules } from "../../db/schema";
import { runCli } from "../../src/cli";
import { listCourseRules } from "../../src/services/requirement-rules";
import { captureIo } from "../helpers/cli";
import { createTestDb, type TestDb } from "../helpers/db";
import { utf8, xlsxBytes } from "../helpers/files";
import { insertSmallOrg } from "../helpers/small-org-db";

describe("cli requirements import", () => {
  let t: TestDb;
  const file = (name: string, bytes: Uint8Array) => {
    const path = join(t.dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const words = async (course: string) => (await listCourseRules(t.db, course)).map((r) => r.words);

  beforeAll(async () => {
    t = await createTestDb();
    await insertSmallOrg(t.db);
  });
  afterAll(() => t.cleanup());

  it("row errors: unknown course, unknown unit, bad level, both deadlines, two tags — nothing written", async () => {
    const before = await t.db.select().from(requirementRules);
    const path = file(
      "fel.csv",
      utf8(
        [
          "Kurs;Enhet;Funktionsnivå;Tagg;Befattning;Deadline;Dagar efter anställning",
          "Okänd kurs;;;;;;",
          "vbe-fordjupning;Enhet Q;;;;;",
          "vbe-fordjupning;;mellan;;;;",
          "vbe-fordjupning;;;;;2026-06-30;90",
          "Otillåten påverkan;;;a, b;;;",
          "Otillåten påverkan;;;;;31/02/2026;",
        ].join("\n"),
      ),
    );
    const io = captureIo();
    expect(await runCli(["requirements", "import", path, "--json"], io.io, t.db)).toBe(1);
    expect(io.json().errors.map((e: { row: number }) => e.row)).toEqual([2, 3, 4, 5, 6, 7]);
    const err = io.err.join("");
    expect(err).toContain(
      "Rad 2, kolumn Kurs: 'Okänd kurs' finns inte i kurskatalogen. Skriv kursens id eller titel: ",
    );
    expect(err).toContain("Rad 4, kolumn Funktionsnivå: 'mellan' är ingen funktionsnivå.");
    expect(err).toContain(
      "Rad 5, kolumn Dagar efter anställning: en regel har antingen en fast deadline",
    );
    expect(err).toContain("Rad 6, kolumn Tagg: en regel har en tagg, här står 2.");
    expect(err).toContain("Rad 7, kolumn Deadline: '31/02/2026' är inget datum");
    expect(await t.db.select().from(requirementRules)).toEqual(before);
  });

  it("replaces the rule set of each course named (by id or title); the same rules again change nothing; undo restores", async () => {
    const untouched = await words("vbe-webb");
    const rows = [
      ["Kurskrav 2026"],
      [
        "Kurs",
        "Enhet",
        "Funktionsnivå",
        "Tagg",
        "Befattning",
        "Deadline",
        "Dagar efter anställning",
      ],
      ["Fördjupningsutbildning VBE", "Enhet A", "förhindrande", "", "", "2026-06-30", ""],
      ["vbe-fordjupning", "", "", "", "Socialsekreterare*", "", 90],
      ["vbe-fordjupning", "", "", "", "Socialsekreterare*", "", 90],
      ["Otillåten påverkan", "", "", "skolsocialt team", "", "", ""],
    ];
    const path = file("krav.xlsx", xlsxBytes(rows));
    const io = captureIo();
    expect(await runCli(["requirements", "import", path, "--json"], io.io, t.db)).toBe(0);
    expect(io.json()).toEqual({
      kind: "requirements",
      rows: 4,
      courses: 2,
      rules: 3,
      removed: 0,
      errors: [],
      dryRun: false,
    });
    expect(await words("vbe-fordjupning")).toEqual([
      "Enheter under Enhet A med funktionsnivå förhindrande/åtgärdande, senast 2026-06-30",
      "Befattning Socialsekreterare*, inom 90 dagar från anställningens start",
    ]);
    expect(await words("otillaten-paverkan")).toEqual(["Enheter med taggen skolsocialt team"]);
    expect(await words("vbe-webb")).toEqual(untouched);

    // A second file for one course replaces only that course's rules.
    const next = file("krav2.csv", utf8("Kurs;Befattning\nvbe-fordjupning;Kurator\n"));
    const second = captureIo();
    expect(await runCli(["requirements", "import", next, "--json"], second.io, t.db)).toBe(0);
    expect(second.json()).toMatchObject({ courses: 1, rules: 1, removed: 2 });
    expect(await words("vbe-fordjupning")).toEqual(["Befattning Kurator"]);
    expect(await words("otillaten-paverkan")).toEqual(["Enheter med taggen skolsocialt team"]);

    const same = file("krav3.csv", utf8("Kurs;Befattning\nvbe-fordjupning;KURATOR\n"));
    const third = captureIo();
    expect(await runCli(["requirements", "import", same, "--json"], third.io, t.db)).toBe(0);
    expect(third.json()).toMatchObject({ courses: 0, rules: 0, removed: 0 });

    for (let i = 0; i < 3; i++)
      expect(await runCli(["import", "undo", "requirements"], captureIo().io, t.db)).toBe(0);
    expect(await words("vbe-fordjupning")).toEqual([]);
    expect(
      await t.db
        .select()
        .from(requirementRules)
        .where(eq(requirementRules.courseId, "otillaten-paverkan"))
        .orderBy(asc(requirementRules.id)),
    ).toEqual([]);

    // A row with the course alone is the rule "everyone".
    const all = file("alla.csv", utf8("Kurs;Enhet;Befattning\nOtillåten påverkan;;\n"));
    expect(await runCli(["requirements", "import", all], captureIo().io, t.db)).toBe(0);
    expect(await words("otillaten-paverkan")).toEqual(["Alla medarbetare"]);
  });
});
