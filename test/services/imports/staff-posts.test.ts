/**
 * A person with several posts through the real staff import: posts begin, one ends, one moves,
 * both end — each checked at an as-of date before, on and after the change. Figures count
 * people: once in every unit holding one of their posts, once in the avdelning above.
 */
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ALL_UNITS } from "../../../src/auth/scope";
import { getCoverage } from "../../../src/services/coverage";
import { importStaff } from "../../../src/services/imports/staff";
import { undoLatestImport } from "../../../src/services/imports/undo";
import { createTestDb, type TestDb } from "../../helpers/db";
import { utf8 } from "../../helpers/files";
import { expectNoEmploymentsEndingBeforeStart } from "../../helpers/import-invariants";
import { dumpData } from "../../helpers/imports";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await expectNoEmploymentsEndingBeforeStart(t.db);
  t.cleanup();
});

const HEADER =
  "Anställningsnummer;Förnamn;Efternamn;Avdelning;Enhet;Befattning;Anställningsdatum;Sysselsättningsgrad";
const ANNA = "900001;Anna;Berg;Äldreomsorg";
const BO = "900002;Bo;Ek;Äldreomsorg;Hemtjänst Bredäng;Undersköterska;2020-01-01;100 %";
const BREDANG = `${ANNA};Hemtjänst Bredäng;Undersköterska;2026-01-15;50 %`;
const NATT = `${ANNA};Nattpatrullen;Undersköterska;2026-01-15;0,5`;

const staff = (asOf: string, lines: string[], dryRun = false) =>
  importStaff(t.db, {
    bytes: utf8([HEADER, ...lines].join("\n")),
    fileName: `personal-${asOf}.csv`,
    asOf,
    dryRun,
    userId: null,
  });

/** Headcount of the organisation, the avdelning and each enhet on a date. */
async function heads(asOf: string): Promise<Record<string, number>> {
  const org = await getCoverage(t.db, ALL_UNITS, { asOf });
  const out: Record<string, number> = { org: org.headcount };
  for (const dept of org.children) {
    out[dept.unit.name] = dept.headcount;
    const inner = await getCoverage(t.db, ALL_UNITS, { asOf, unit: dept.unit });
    for (const c of inner.children) out[c.unit.name] = c.headcount;
  }
  return out;
}

const BOTH = { org: 2, Äldreomsorg: 2, "Hemtjänst Bredäng": 2, Nattpatrullen: 1 };

describe("staff import: a person with several posts", () => {
  it("two posts begin: the person counts in each unit and once in the avdelning and the organisation", async () => {
    const r = await staff("2026-01-31", [BREDANG, NATT, BO]);
    expect(r).toMatchObject({ rows: 3, created: 2, updated: 0, left: 0, errors: [] });
    expect(r.posts).toEqual({ opened: 3, closed: 0 });
    expect(await heads("2026-01-14")).toEqual({
      org: 1,
      Äldreomsorg: 1,
      "Hemtjänst Bredäng": 1,
      Nattpatrullen: 0,
    });
    expect(await heads("2026-01-15")).toEqual(BOTH);
    expect(await heads("2026-01-31")).toEqual(BOTH);
    const extents = await t.db.all<{ extent: number }>(
      sql`SELECT extent FROM employments ORDER BY id`,
    );
    expect(extents.map((e) => e.extent)).toEqual([50, 50, 100]);
  });

  it("a second post begins for someone already employed, from its own Anställningsdatum", async () => {
    await staff("2026-01-31", [BREDANG, BO]);
    const r = await staff("2026-03-01", [
      BREDANG,
      BO,
      "900002;Bo;Ek;Äldreomsorg;Nattpatrullen;Undersköterska;2026-02-15;25",
    ]);
    expect(r).toMatchObject({ created: 0, updated: 1, unchanged: 1, left: 0 });
    expect(r.posts).toEqual({ opened: 1, closed: 0 });
    expect(r.who.posts).toEqual([
      "Bo Ek (900002): börjar på Nattpatrullen, är kvar på Hemtjänst Bredäng",
    ]);
    expect((await heads("2026-02-14")).Nattpatrullen).toBe(0);
    expect(await heads("2026-02-15")).toEqual(BOTH);
    expect(await heads("2026-03-01")).toEqual(BOTH);
  });

  it("one post ends: the person stays on the other, and the preview says so", async () => {
    await staff("2026-01-31", [BREDANG, NATT, BO]);
    const preview = await staff("2026-03-01", [BREDANG, BO], true);
    expect(preview.who.posts).toEqual([
      "Anna Berg (900001): slutar på Nattpatrullen, är kvar på Hemtjänst Bredäng",
    ]);
    const r = await staff("2026-03-01", [BREDANG, BO]);
    expect(r).toMatchObject({ created: 0, updated: 1, unchanged: 1, left: 0 });
    expect(r.posts).toEqual({ opened: 0, closed: 1 });
    expect(await heads("2026-02-28")).toEqual(BOTH);
    const after = { org: 2, Äldreomsorg: 2, "Hemtjänst Bredäng": 2, Nattpatrullen: 0 };
    expect(await heads("2026-03-01")).toEqual(after);
    expect(await heads("2026-06-30")).toEqual(after);
  });

  it("one post moves: only that post closes and opens; the other keeps its period", async () => {
    await staff("2026-01-31", [BREDANG, NATT, BO]);
    const r = await staff("2026-03-01", [
      BREDANG,
      `${ANNA};Hemtjänst Skärholmen;Undersköterska;2026-01-15;50`,
      BO,
    ]);
    expect(r).toMatchObject({ created: 0, updated: 1, unchanged: 1, left: 0 });
    expect(r.posts).toEqual({ opened: 1, closed: 1 });
    expect(r.who.posts).toEqual([
      "Anna Berg (900001): flyttar från Nattpatrullen till Hemtjänst Skärholmen, är kvar på Hemtjänst Bredäng",
    ]);
    expect(await heads("2026-02-28")).toEqual({ ...BOTH, "Hemtjänst Skärholmen": 0 });
    const moved = {
      org: 2,
      Äldreomsorg: 2,
      "Hemtjänst Bredäng": 2,
      "Hemtjänst Skärholmen": 1,
      Nattpatrullen: 0,
    };
    expect(await heads("2026-03-01")).toEqual(moved);
    expect(await heads("2026-04-01")).toEqual(moved);
    const bredang = await t.db.all<{ valid_from: string; valid_to: string | null }>(
      sql`SELECT e.valid_from, e.valid_to FROM employments e JOIN units u ON u.id = e.unit_id
          WHERE u.name = 'Hemtjänst Bredäng' AND e.person_id = (SELECT id FROM people WHERE employee_no = '900001')`,
    );
    expect(bredang).toEqual([{ valid_from: "2026-01-15", valid_to: null }]);
  });

  it("both posts end: the person has left, counted once", async () => {
    await staff("2026-01-31", [BREDANG, NATT, BO]);
    const r = await staff("2026-03-01", [BO]);
    expect(r).toMatchObject({ created: 0, updated: 0, unchanged: 1, left: 1 });
    expect(r.posts).toEqual({ opened: 0, closed: 2 });
    expect(r.who.left).toEqual(["Anna Berg (900001)"]);
    expect(await heads("2026-02-28")).toEqual(BOTH);
    const gone = { org: 1, Äldreomsorg: 1, "Hemtjänst Bredäng": 1, Nattpatrullen: 0 };
    expect(await heads("2026-03-01")).toEqual(gone);
    expect(await heads("2026-12-31")).toEqual(gone);
  });

  it("a course event counts for the person in every unit they belong to", async () => {
    await staff("2026-01-31", [BREDANG, NATT, BO]);
    await t.db.run(sql`INSERT INTO completions (person_id, course_id, kind, date)
      SELECT id, 'vbe-webb', 'completed', '2026-01-20' FROM people WHERE employee_no = '900001'`);
    const org = await getCoverage(t.db, ALL_UNITS, { asOf: "2026-01-31" });
    expect([org.headcount, org.completed]).toEqual([2, 1]);
    const dept = await getCoverage(t.db, ALL_UNITS, {
      asOf: "2026-01-31",
      unit: org.children[0]!.unit,
    });
    expect([dept.headcount, dept.completed]).toEqual([2, 1]);
    expect(dept.children.map((c) => [c.unit.name, c.headcount, c.completed])).toEqual([
      ["Hemtjänst Bredäng", 2, 1],
      ["Nattpatrullen", 1, 1],
    ]);
  });

  it("a new extent on a kept post updates it in place; re-import changes nothing; undo restores exactly", async () => {
    await staff("2026-01-31", [BREDANG, NATT, BO]);
    const before = await dumpData(t.db);
    const r = await staff("2026-03-01", [BREDANG.replace("50 %", "75 %"), NATT, BO]);
    expect(r).toMatchObject({ updated: 1, unchanged: 1, left: 0 });
    expect(r.posts).toEqual({ opened: 0, closed: 0 });
    const [row] = await t.db.all<{ extent: number }>(
      sql`SELECT extent FROM employments WHERE id = 1`,
    );
    expect(row?.extent).toBe(75);
    const again = await staff("2026-03-01", [BREDANG.replace("50 %", "75 %"), NATT, BO]);
    expect(again.alreadyImportedAs).toBe(r.importId);
    await undoLatestImport(t.db, "staff", { userId: null });
    expect(await dumpData(t.db)).toEqual(before);
  });

  it("undo of a move of one post restores both posts exactly", async () => {
    await staff("2026-01-31", [BREDANG, NATT, BO]);
    const before = await dumpData(t.db);
    await staff("2026-03-01", [BREDANG, `${ANNA};Hemtjänst Skärholmen;Undersköterska;;`, BO]);
    await undoLatestImport(t.db, "staff", { userId: null });
    expect(await dumpData(t.db)).toEqual(before);
    expect(await heads("2026-03-01")).toEqual(BOTH);
  });
});
