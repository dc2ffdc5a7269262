import { describe, expect, it } from "vitest";
import type { FunctionLevel } from "../../db/schema";
import {
  buildTargetGroup,
  type ExemptionFacts,
  exemptionOn,
  type PostFacts,
  type RequirementRuleFacts,
  requirementOf,
  targetGroupOn,
} from "../../src/domain/requirements";
import { titleMatcher } from "../../src/domain/title-pattern";
import { resolveUnitAttributes } from "../../src/domain/unit-attributes";

/*
 * The organisation every case uses:
 *   1 Förvaltningen                     /1/
 *   2   Socialtjänst (förhindrande, tag "Socialtjänst")   /1/2/
 *   3     Barn och unga (inherits förhindrande)           /1/2/3/
 *   4     Förebyggande team (overrides: förebyggande)     /1/2/4/
 *   5   Skola (förebyggande)                              /1/5/
 *   6     Skolsocialt team (tag "skolsocialt team")       /1/5/6/
 */
const UNITS = resolveUnitAttributes(
  [
    { id: 1, path: "/1/", functionLevel: null },
    { id: 2, path: "/1/2/", functionLevel: "forhindrande" },
    { id: 3, path: "/1/2/3/", functionLevel: null },
    { id: 4, path: "/1/2/4/", functionLevel: "forebyggande" },
    { id: 5, path: "/1/5/", functionLevel: "forebyggande" },
    { id: 6, path: "/1/5/6/", functionLevel: null },
  ],
  [
    { unitId: 2, tag: "Socialtjänst" },
    { unitId: 6, tag: " skolsocialt  team " },
  ],
);
const PATH: Record<number, string> = {
  1: "/1/",
  2: "/1/2/",
  3: "/1/2/3/",
  4: "/1/2/4/",
  5: "/1/5/",
  6: "/1/5/6/",
};

let ruleId = 0;
function rule(r: Partial<RequirementRuleFacts> & { unitId?: number }): RequirementRuleFacts {
  const { unitId, ...rest } = r;
  return {
    id: ++ruleId,
    unitPath: unitId === undefined ? null : PATH[unitId]!,
    functionLevel: null,
    tag: null,
    titlePattern: null,
    deadline: null,
    daysAfterStart: null,
    ...rest,
  };
}
function post(
  unitId: number,
  title: string | null,
  validFrom: string,
  validTo: string | null = null,
  personId = 1,
): PostFacts {
  return { personId, unitId, unitPath: PATH[unitId]!, title, validFrom, validTo };
}
function group(
  rules: RequirementRuleFacts[],
  posts: PostFacts[] = [],
  exemptions: ExemptionFacts[] = [],
) {
  return buildTargetGroup({ courseId: "kurs", rules, units: UNITS, exemptions, posts });
}

describe("unit attributes: inheritance, override, tags down the subtree", () => {
  it.each<[number, FunctionLevel | null, string[]]>([
    [1, null, []],
    [2, "forhindrande", ["socialtjänst"]],
    [3, "forhindrande", ["socialtjänst"]], // inherited from Socialtjänst
    [4, "forebyggande", ["socialtjänst"]], // overridden on the lower unit, tag still inherited
    [5, "forebyggande", []],
    [6, "forebyggande", ["skolsocialt team"]],
  ])("unit %i", (unitId, level, tags) => {
    const u = UNITS.get(unitId)!;
    expect(u.functionLevel).toBe(level);
    expect([...u.tags].sort()).toEqual(tags);
  });
});

describe("title patterns", () => {
  it.each<[string, string | null, boolean]>([
    ["Socialsekreterare*", "Socialsekreterare", true],
    ["Socialsekreterare*", "socialsekreterare barn och unga", true],
    ["Socialsekreterare*", "Biträdande socialsekreterare", false],
    ["*sekreterare", "Biträdande socialsekreterare", true],
    ["Anhörigstödjare", "  anhörigstödjare ", true],
    ["Anhörigstödjare", "Anhörigstödjare 2", false],
    ["Enhetschef (tf.)", "enhetschef (tf.)", true],
    ["*", null, false],
  ])("%s ~ %s → %s", (pattern, title, expected) => {
    expect(titleMatcher(pattern)(title)).toBe(expected);
  });
});

describe("rule matching for one post", () => {
  it.each<[string, RequirementRuleFacts[], PostFacts, boolean, string | null]>([
    ["everyone", [rule({})], post(1, null, "2020-01-01"), true, null],
    ["no rule: nobody", [], post(3, "Socialsekreterare", "2020-01-01"), false, null],
    [
      "unit subtree: the unit itself",
      [rule({ unitId: 2 })],
      post(2, null, "2020-01-01"),
      true,
      null,
    ],
    ["unit subtree: a unit below", [rule({ unitId: 2 })], post(3, null, "2020-01-01"), true, null],
    ["unit subtree: a sibling", [rule({ unitId: 2 })], post(5, null, "2020-01-01"), false, null],
    [
      "inherited funktionsnivå",
      [rule({ functionLevel: "forhindrande" })],
      post(3, null, "2020-01-01"),
      true,
      null,
    ],
    [
      "override on a lower unit",
      [rule({ functionLevel: "forhindrande" })],
      post(4, null, "2020-01-01"),
      false,
      null,
    ],
    [
      "the override's own level",
      [rule({ functionLevel: "forebyggande" })],
      post(4, null, "2020-01-01"),
      true,
      null,
    ],
    [
      "unit without any level",
      [rule({ functionLevel: "forebyggande" })],
      post(1, null, "2020-01-01"),
      false,
      null,
    ],
    [
      "tag on an ancestor",
      [rule({ tag: "SOCIALTJÄNST" })],
      post(4, null, "2020-01-01"),
      true,
      null,
    ],
    [
      "tag elsewhere",
      [rule({ tag: "Skolsocialt team" })],
      post(3, null, "2020-01-01"),
      false,
      null,
    ],
    [
      "title pattern",
      [rule({ titlePattern: "Socialsekreterare*" })],
      post(5, "Socialsekreterare skola", "2020-01-01"),
      true,
      null,
    ],
    [
      "title pattern, no title",
      [rule({ titlePattern: "Socialsekreterare*" })],
      post(5, null, "2020-01-01"),
      false,
      null,
    ],
    [
      "several conditions, all hold",
      [rule({ unitId: 2, functionLevel: "forhindrande", titlePattern: "Social*" })],
      post(3, "Socialsekreterare", "2020-01-01"),
      true,
      null,
    ],
    [
      "several conditions, one fails",
      [rule({ unitId: 2, functionLevel: "forhindrande", titlePattern: "Social*" })],
      post(4, "Socialsekreterare", "2020-01-01"),
      false,
      null,
    ],
    [
      "fixed deadline",
      [rule({ deadline: "2026-06-30" })],
      post(1, null, "2020-01-01"),
      true,
      "2026-06-30",
    ],
    [
      "hire-relative deadline",
      [rule({ daysAfterStart: 90 })],
      post(1, null, "2026-01-15"),
      true,
      "2026-04-15",
    ],
    [
      "several rules: the earliest deadline",
      [
        rule({ deadline: "2026-12-31" }),
        rule({ unitId: 2, daysAfterStart: 30 }),
        rule({ tag: "skolsocialt team", deadline: "2026-01-01" }),
      ],
      post(3, null, "2026-03-01"),
      true,
      "2026-03-31",
    ],
    [
      "a rule without deadline does not hide another's",
      [rule({}), rule({ unitId: 3, deadline: "2026-09-01" })],
      post(3, null, "2026-03-01"),
      true,
      "2026-09-01",
    ],
    [
      "a non-matching rule's deadline does not count",
      [rule({ deadline: "2026-12-31" }), rule({ unitId: 5, deadline: "2026-01-01" })],
      post(3, null, "2026-03-01"),
      true,
      "2026-12-31",
    ],
  ])("%s", (_name, rules, p, required, deadline) => {
    expect(requirementOf(group(rules, [p]), [p])).toEqual({ required, deadline });
  });
});

describe("a person's history: moves into and out of the target group", () => {
  // Skola → Barn och unga (in the group) → Skola again; then a title change inside the group.
  const history = [
    post(5, "Kurator", "2025-01-01", "2025-06-30"),
    post(3, "Socialsekreterare", "2025-07-01", "2025-09-30"),
    post(3, "Socialsekreterare II", "2025-10-01", "2025-12-31"),
    post(5, "Kurator", "2026-01-01"),
    post(3, "Socialsekreterare", "2026-03-01", null, 2), // a second person, hired into the group
  ];
  const g = group([rule({ unitId: 2, daysAfterStart: 30 })], history);
  const on = (date: string) =>
    targetGroupOn(
      g,
      history.filter((p) => p.validFrom <= date && (p.validTo === null || p.validTo >= date)),
      date,
    ).map((r) => [r.personId, r.unitId, r.deadline]);
  it.each<[string, string, Array<[number, number, string | null]>]>([
    ["before the move in", "2025-06-30", []],
    ["the day of the move in: deadline from that day", "2025-07-01", [[1, 3, "2025-07-31"]]],
    ["a new befattning inside the group keeps the clock", "2025-10-01", [[1, 3, "2025-07-31"]]],
    ["the day after moving out", "2026-01-01", []],
    ["a newcomer: hire date + 30", "2026-03-01", [[2, 3, "2026-03-31"]]],
  ])("%s (%s)", (_name, date, expected) => {
    expect(on(date)).toEqual(expected);
  });

  it("a gap restarts the clock", () => {
    const posts = [post(3, null, "2025-01-01", "2025-03-31"), post(3, null, "2025-05-01")];
    const g2 = group([rule({ daysAfterStart: 10 })], posts);
    expect(requirementOf(g2, [posts[1]!]).deadline).toBe("2025-05-11");
  });

  it("two posts, one in the group: counted only under that one", () => {
    const posts = [post(3, null, "2025-01-01"), post(5, null, "2025-01-01")];
    const rows = targetGroupOn(group([rule({ unitId: 2 })], posts), posts, "2025-06-01");
    expect(rows.map((r) => r.unitId)).toEqual([3]);
  });
});

describe("exemptions around the as-of date", () => {
  const ex = (p: Partial<ExemptionFacts>): ExemptionFacts => ({
    id: 1,
    personId: 1,
    courseId: "kurs",
    fromDate: "2026-03-01",
    toDate: "2026-03-31",
    reason: "Föräldraledighet",
    ...p,
  });
  it.each<[string, ExemptionFacts, string, boolean]>([
    ["the day before it starts", ex({}), "2026-02-28", false],
    ["starting on the as-of date", ex({}), "2026-03-01", true],
    ["ending on the as-of date (inclusive)", ex({}), "2026-03-31", true],
    ["the day after it ended", ex({}), "2026-04-01", false],
    ["open-ended", ex({ toDate: null }), "2030-01-01", true],
    ["for all courses", ex({ courseId: null }), "2026-03-15", true],
    ["for another course", ex({ courseId: "annan" }), "2026-03-15", false],
    ["for another person", ex({ personId: 2 }), "2026-03-15", false],
  ])("%s", (_name, exemption, date, exempt) => {
    const g = group([rule({})], [], [exemption]);
    expect(exemptionOn(g, 1, date) !== null).toBe(exempt);
    const rows = targetGroupOn(g, [post(1, null, "2020-01-01")], date);
    expect(rows.map((r) => r.exemption?.reason ?? null)).toEqual([
      exempt ? "Föräldraledighet" : null,
    ]);
  });
});
