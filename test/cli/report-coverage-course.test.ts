/**
 * `report coverage --course ID`: per-course figures within the target group, checked against
 * numbers worked out by hand on a small organisation; and the no-regression guard on the demo.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  completions,
  employments,
  exemptions,
  people,
  requirementRules,
  units,
  unitTags,
} from "../../db/schema";
import { ALL_UNITS } from "../../src/auth/scope";
import { runCli } from "../../src/cli";
import { coverageByUnit, coverageOf, employedOn } from "../../src/domain/coverage";
import { seedDemoData } from "../../src/services/demo/seed";
import { loadEmploymentFacts } from "../../src/services/facts";
import { childUnits, createUnit } from "../../src/services/units";
import { captureIo } from "../helpers/cli";
import { createTestDb, type TestDb } from "../helpers/db";

async function cli(db: TestDb["db"], argv: string[]) {
  const c = captureIo();
  const code = await runCli(argv, c.io, db);
  return { code, out: c.out.join(""), err: c.err.join("") };
}

/*
 * ROOT Förvaltningen
 *   SOC Socialtjänst (förhindrande, tag "Socialtjänst")
 *     BOU Barn och unga (inherits förhindrande)
 *   SKO Skola (förebyggande)
 *
 * Rules of vbe-fordjupning: funktionsnivå förhindrande, 30 days after start; and befattning
 * "Kurator*" with the fixed deadline 2026-03-31.
 *   1 Anna   BOU Socialsekreterare from 2025-01-01, completed 2026-02-01   required, done
 *   2 Bo     BOU Socialsekreterare from 2026-05-01, nothing               required, deadline 05-31 → overdue
 *   3 Cia    SOC Socialsekreterare from 2026-06-10, nothing               required, deadline 07-10 → not yet
 *   4 Dan    SKO Kurator from 2025-01-01, started 2026-01-15              required (title), 03-31 → overdue
 *   5 Eva    SKO Lärare from 2025-01-01, completed 2026-01-10             not required (not counted)
 *   6 Fia    BOU Socialsekreterare from 2025-01-01, exempt (föräldraledighet) 2026-06-01–2026-12-31
 *   7 Gus    BOU Socialsekreterare 2025-01-01–2026-03-31, then SKO Lärare: moved out of the group
 * As of 2026-06-30: headcount 4 (1, 2, 3, 4), reached 2 (1, 4), completed 1, overdue 2, exempt 1.
 *   SOC: 1, 2, 3 (+6 exempt) → 3, reached 1, completed 1, overdue 1, exempt 1;  SKO: 4 → 1, 1, 0, 1, 0.
 */
describe("report coverage --course within the target group", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    const root = await createUnit(t.db, { name: "Förvaltningen", code: "ROOT" });
    const soc = await createUnit(t.db, {
      name: "Socialtjänst",
      code: "SOC",
      parentId: root.id,
      parentPath: root.path,
    });
    const bou = await createUnit(t.db, {
      name: "Barn och unga",
      code: "BOU",
      parentId: soc.id,
      parentPath: soc.path,
    });
    const sko = await createUnit(t.db, {
      name: "Skola",
      code: "SKO",
      parentId: root.id,
      parentPath: root.path,
    });
    await t.db.update(units).set({ functionLevel: "forhindrande" }).where(eq(units.id, soc.id));
    await t.db.update(units).set({ functionLevel: "forebyggande" }).where(eq(units.id, sko.id));
    await t.db.insert(unitTags).values({ unitId: soc.id, tag: "Socialtjänst" });
    const staff: Array<
      [
        string,
        Array<[number, string, string, string | null]>,
        Array<["started" | "completed", string]>,
      ]
    > = [
      ["Anna", [[bou.id, "Socialsekreterare", "2025-01-01", null]], [["completed", "2026-02-01"]]],
      ["Bo", [[bou.id, "Socialsekreterare", "2026-05-01", null]], []],
      ["Cia", [[soc.id, "Socialsekreterare", "2026-06-10", null]], []],
      ["Dan", [[sko.id, "Kurator", "2025-01-01", null]], [["started", "2026-01-15"]]],
      ["Eva", [[sko.id, "Lärare", "2025-01-01", null]], [["completed", "2026-01-10"]]],
      ["Fia", [[bou.id, "Socialsekreterare", "2025-01-01", null]], []],
      [
        "Gus",
        [
          [bou.id, "Socialsekreterare", "2025-01-01", "2026-03-31"],
          [sko.id, "Lärare", "2026-04-01", null],
        ],
        [],
      ],
    ];
    for (const [i, [name, posts, events]] of staff.entries()) {
      const [p] = await t.db
        .insert(people)
        .values({ employeeNo: String(i + 1), firstName: name, lastName: "Test" })
        .returning({ id: people.id });
      await t.db.insert(employments).values(
        posts.map(([unitId, title, validFrom, validTo]) => ({
          personId: p!.id,
          unitId,
          title,
          validFrom,
          validTo,
        })),
      );
      for (const [kind, date] of events) {
        await t.db
          .insert(completions)
          .values({ personId: p!.id, courseId: "vbe-fordjupning", kind, date });
      }
      if (name === "Fia") {
        await t.db.insert(exemptions).values({
          personId: p!.id,
          courseId: null,
          fromDate: "2026-06-01",
          toDate: "2026-12-31",
          reason: "Föräldraledighet",
        });
      }
    }
    await t.db.insert(requirementRules).values([
      { courseId: "vbe-fordjupning", functionLevel: "forhindrande", daysAfterStart: 30 },
      { courseId: "vbe-fordjupning", titlePattern: "Kurator*", deadline: "2026-03-31" },
    ]);
  });
  afterAll(() => t.cleanup());

  it("gives the hand-worked figures with overdue and exempt, on the total and per child", async () => {
    const r = await cli(t.db, [
      "report",
      "coverage",
      "--course",
      "vbe-fordjupning",
      "--as-of",
      "2026-06-30",
      "--unit",
      "ROOT",
      "--json",
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      unit: { code: "ROOT", name: "Förvaltningen" },
      asOf: "2026-06-30",
      course: "vbe-fordjupning",
      headcount: 4,
      reached: 2,
      completed: 1,
      overdue: 2,
      exempt: 1,
      children: [
        {
          code: "SKO",
          name: "Skola",
          headcount: 1,
          reached: 1,
          completed: 0,
          overdue: 1,
          exempt: 0,
        },
        {
          code: "SOC",
          name: "Socialtjänst",
          headcount: 3,
          reached: 1,
          completed: 1,
          overdue: 1,
          exempt: 1,
        },
      ],
    });
  });

  it.each<[string, number, number, number]>([
    // Before Fia's exemption, Gus still in the group (both overdue since 2025-01-31); Dan's
    // deadline is the as-of date itself: not passed yet.
    ["2026-03-31", 4, 2, 0],
    // Gus moved out the next day; Dan's fixed deadline passed on 03-31 (deadline < D).
    ["2026-04-01", 3, 2, 0],
    // Fia's exemption starts on the as-of date; Bo's deadline (05-31) has passed.
    ["2026-06-01", 3, 2, 1],
    // …and ends on 12-31 inclusive; Cia's deadline 07-10 has passed.
    ["2026-12-31", 4, 3, 1],
    ["2027-01-01", 5, 4, 0],
  ])("as of %s: headcount %i, overdue %i, exempt %i", async (asOf, headcount, overdue, exempt) => {
    const r = await cli(t.db, [
      "report",
      "coverage",
      "--course",
      "vbe-fordjupning",
      "--as-of",
      asOf,
      "--json",
    ]);
    expect(JSON.parse(r.out)).toMatchObject({ headcount, overdue, exempt });
  });

  it("takes the course by title too, and refuses an unknown one with exit 1", async () => {
    const byTitle = await cli(t.db, [
      "report",
      "coverage",
      "--course",
      "fördjupad utbildning om våldsbejakande extremism",
      "--as-of",
      "2026-06-30",
      "--json",
    ]);
    expect(JSON.parse(byTitle.out).course).toBe("vbe-fordjupning");
    const unknown = await cli(t.db, ["report", "coverage", "--course", "simkurs", "--json"]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("Hittar ingen kurs 'simkurs'");
    expect(unknown.out).toBe("");
  });

  it("a deepened course without rules has nobody in its target group", async () => {
    const r = await cli(t.db, [
      "report",
      "coverage",
      "--course",
      "otillaten-paverkan",
      "--as-of",
      "2026-06-30",
    ]);
    expect(r.out).toContain("Kursen har ingen målgrupp");
    expect(r.out).toContain("Anställda: 0");
  });

  it("the mandatory course (everyone) leaves the exempt person out and says why", async () => {
    const r = await cli(t.db, ["report", "coverage", "--as-of", "2026-06-30"]);
    expect(r.out).toContain("Anställda: 6 ");
    expect(r.out).toContain("Undantagna, Föräldraledighet: 1");
  });
});

describe("no regression: with the default rules every figure is as before", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemoData(t.db, { today: "2026-11-25", withUsers: false });
  });
  afterAll(() => t.cleanup());

  it.each(["2025-06-30", "2025-12-31", "2026-11-25"])(
    "as of %s the total and every child equal the plain headcount figures",
    async (asOf) => {
      // The definition before target groups, computed straight from the facts.
      const facts = employedOn(
        await loadEmploymentFacts(t.db, ALL_UNITS, { from: asOf, to: asOf, courseId: "vbe-webb" }),
        asOf,
      );
      const plain = coverageOf(facts, asOf);
      const children = coverageByUnit(facts, await childUnits(t.db, ALL_UNITS, null), asOf);
      const pick = ({ headcount, reached, completed }: typeof plain) => ({
        headcount,
        reached,
        completed,
      });
      const without = JSON.parse(
        (await cli(t.db, ["report", "coverage", "--as-of", asOf, "--json"])).out,
      );
      const withCourse = JSON.parse(
        (await cli(t.db, ["report", "coverage", "--course", "vbe-webb", "--as-of", asOf, "--json"]))
          .out,
      );
      expect(plain.headcount).toBeGreaterThan(900);
      expect(pick(without)).toEqual(pick(plain));
      expect(without.children.map(pick)).toEqual(children.map(pick));
      expect(without).not.toHaveProperty("overdue");
      expect(withCourse).toMatchObject({ ...pick(plain), overdue: 0, exempt: 0 });
      expect(withCourse.children.map(pick)).toEqual(children.map(pick));
    },
  );
});
