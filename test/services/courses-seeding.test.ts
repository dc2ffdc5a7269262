import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_CATALOGUE } from "../../courses/catalogue";
import { courses, requirementRules } from "../../db/schema";
import { syncCourseCatalogue } from "../../src/services/courses";
import { createTestDb, type TestDb } from "../helpers/db";

describe("default requirement rules from courses/", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(() => t.cleanup());

  const rulesOf = (courseId: string) =>
    t.db.select().from(requirementRules).where(eq(requirementRules.courseId, courseId));

  it("the mandatory course starts with one 'everyone' rule; deepened courses with none", async () => {
    const [rule, ...more] = await rulesOf("vbe-webb");
    expect(more).toEqual([]);
    expect(rule).toMatchObject({
      unitId: null,
      functionLevel: null,
      tag: null,
      titlePattern: null,
      deadline: null,
      daysAfterStart: null,
    });
    expect(await rulesOf("vbe-fordjupning")).toEqual([]);
    expect(await rulesOf("otillaten-paverkan")).toEqual([]);
    const marked = await t.db.select().from(courses);
    expect(marked.every((c) => c.requirementsSeededAt !== null)).toBe(true);
  });

  it("is seeded once: a rule set HR emptied stays empty after the next start", async () => {
    await t.db.delete(requirementRules).where(eq(requirementRules.courseId, "vbe-webb"));
    await syncCourseCatalogue(t.db);
    expect(await rulesOf("vbe-webb")).toEqual([]);
  });

  it("a course added to the catalogue later gets its defaults on the next start", async () => {
    const catalogue = [
      ...DEFAULT_CATALOGUE,
      {
        id: "ny-kurs",
        title: "Ny kurs",
        kind: "deepened" as const,
        aliases: [],
        audience: null,
        targetDate: null,
        requirements: [
          {
            functionLevel: "forhindrande" as const,
            tag: null,
            titlePattern: "Socialsekreterare*",
            deadline: null,
            daysAfterStart: 90,
          },
        ],
      },
    ];
    await syncCourseCatalogue(t.db, catalogue);
    await syncCourseCatalogue(t.db, catalogue);
    expect(await rulesOf("ny-kurs")).toMatchObject([
      { functionLevel: "forhindrande", titlePattern: "Socialsekreterare*", daysAfterStart: 90 },
    ]);
    expect(await rulesOf("vbe-webb")).toHaveLength(1);
  });
});
