import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { units, unitTags } from "../../db/schema";
import { runCli } from "../../src/cli";
import { createUnit } from "../../src/services/units";
import { captureIo } from "../helpers/cli";
import { createTestDb, type TestDb } from "../helpers/db";
import { utf8, xlsxBytes } from "../helpers/files";
import { insertSmallOrg, type SmallOrgIds } from "../helpers/small-org-db";

describe("cli units import", () => {
  let t: TestDb;
  let ids: SmallOrgIds;
  const file = (name: string, bytes: Uint8Array) => {
    const path = join(t.dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const levels = async () =>
    Object.fromEntries(
      (await t.db.select().from(units).orderBy(asc(units.id))).map((u) => [
        u.code ?? u.name,
        u.functionLevel,
      ]),
    );
  const tags = async () =>
    (await t.db.select().from(unitTags).orderBy(asc(unitTags.tag))).map(
      (r) => `${r.unitId}:${r.tag}`,
    );

  beforeAll(async () => {
    t = await createTestDb();
    ids = await insertSmallOrg(t.db);
    // Two units share a name: by name they are ambiguous, by code they are not.
    for (const [code, parent] of [
      ["A-ADM", ids.units.A],
      ["B-ADM", ids.units.B],
    ] as const)
      await createUnit(t.db, {
        name: "Administration",
        code,
        parentId: parent,
        parentPath: `/${ids.units.root}/${parent}/`,
      });
  });
  afterAll(() => t.cleanup());

  it("row errors name row, column, value and what to do; nothing is written (exit 1)", async () => {
    const path = file(
      "fel.csv",
      utf8(
        "Enhet;Enhetskod;Funktionsnivå;Taggar\nEnhet A;;Åtgärd;\nAdministration;;förebyggande;\nOkänd enhet;;förebyggande;\n;XX9;förhindrande;\nEnhet B;;Förhindrande;x\n",
      ),
    );
    const io = captureIo();
    expect(await runCli(["units", "import", path, "--json"], io.io, t.db)).toBe(1);
    const out = io.json();
    expect(out.kind).toBe("units");
    expect(out.errors.map((e: { row: number }) => e.row)).toEqual([2, 3, 4, 5]);
    const text = io.err.join("");
    expect(text).toContain(
      "Rad 2, kolumn Funktionsnivå: 'Åtgärd' är ingen funktionsnivå. Skriv Förebyggande/upptäckande",
    );
    expect(text).toContain(
      "Rad 3, kolumn Enhet: 2 enheter heter 'Administration' (koder A-ADM, B-ADM). Skriv enhetskoden",
    );
    expect(text).toContain("Rad 4, kolumn Enhet: det finns ingen enhet som heter 'Okänd enhet'");
    expect(text).toContain("Rad 5, kolumn Enhetskod: det finns ingen enhet med koden 'XX9'");
    expect(Object.values(await levels()).every((l) => l === null)).toBe(true);
    expect(await tags()).toEqual([]);
  });

  it("sets levels and tags (any level, by name or code, first word any case); dry run first; undo restores", async () => {
    const rows = [
      ["Enhetsuppgifter 2026"],
      [],
      ["Enhet", "Enhetskod", "Funktionsnivå", "Taggar"],
      ["Förvaltningen", "", "FÖREBYGGANDE", ""],
      ["", "B", "Förhindrande/åtgärdande", "skolsocialt team, Anhörigstöd; skolsocialt Team"],
      ["Administration", "A-ADM", "", "VBE"],
    ];
    const path = file("enheter.xlsx", xlsxBytes(rows));
    const dry = captureIo();
    expect(await runCli(["units", "import", path, "--dry-run", "--json"], dry.io, t.db)).toBe(0);
    expect(dry.json()).toEqual({
      kind: "units",
      rows: 3,
      changed: 3,
      unchanged: 0,
      errors: [],
      dryRun: true,
    });
    expect(await tags()).toEqual([]);

    const real = captureIo();
    expect(await runCli(["units", "import", path], real.io, t.db)).toBe(0);
    expect(real.out.join("")).toContain(
      "Enhet B: funktionsnivå ärvs → Förhindrande/åtgärdande; nya taggar: skolsocialt team, Anhörigstöd",
    );
    expect(await levels()).toMatchObject({
      ROOT: "forebyggande",
      A: null,
      B: "forhindrande",
      "A-ADM": null,
    });
    expect(await tags()).toHaveLength(3);

    // A new file: B inherits again and keeps one tag; the same file again changes nothing.
    const next = file("enheter2.csv", utf8("Enhetskod;Funktionsnivå;Taggar\nB;;anhörigstöd\n"));
    const second = captureIo();
    expect(await runCli(["units", "import", next, "--json"], second.io, t.db)).toBe(0);
    expect(second.json()).toMatchObject({ changed: 1, unchanged: 0 });
    expect(await levels()).toMatchObject({ B: null });
    expect((await tags()).filter((x) => x.startsWith(`${ids.units.B}:`))).toEqual([
      `${ids.units.B}:Anhörigstöd`,
    ]);

    const undo = captureIo();
    expect(await runCli(["import", "undo", "units"], undo.io, t.db)).toBe(0);
    expect(await levels()).toMatchObject({ B: "forhindrande" });
    expect(await tags()).toHaveLength(3);
    const undoFirst = captureIo();
    expect(await runCli(["import", "undo", "units"], undoFirst.io, t.db)).toBe(0);
    expect(Object.values(await levels()).every((l) => l === null)).toBe(true);
    expect(await tags()).toEqual([]);
  });

  it("a file without Funktionsnivå and Taggar is refused as a whole", async () => {
    const path = file("tom.csv", utf8("Enhet;Enhetskod\nEnhet A;A\n"));
    const io = captureIo();
    expect(await runCli(["units", "import", path], io.io, t.db)).toBe(1);
    expect(io.err.join("")).toContain("saknar kolumnerna Funktionsnivå och Taggar");
  });
});
