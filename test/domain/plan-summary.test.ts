import { describe, expect, it } from "vitest";
import type { PlanArea } from "../../src/domain/plan-areas";
import type { PlanStatus } from "../../src/domain/plan-status";
import {
  countWord,
  planSentence,
  planSentences,
  summarisePlan,
} from "../../src/domain/plan-summary";

/** `n` activities with status `s` in area `a`. */
function many(n: number, status: PlanStatus, area: PlanArea = "Förebyggande") {
  return Array.from({ length: n }, () => ({ area, status }));
}

describe("countWord: under 13 in words, from 13 in digits", () => {
  it.each([
    [0, "noll"],
    [1, "en"],
    [2, "två"],
    [4, "fyra"],
    [5, "fem"],
    [9, "nio"],
    [10, "tio"],
    [11, "elva"],
    [12, "tolv"],
    [13, "13"],
    [30, "30"],
    [1000, "1000"],
    [12000, "12 000"],
  ])("%i → %s", (n, word) => {
    expect(countWord(n)).toBe(word);
  });
});

describe("summarisePlan", () => {
  it("counts by status and per area, areas in plan order", () => {
    const s = summarisePlan([
      ...many(2, "Genomförd", "Uppföljning"),
      ...many(1, "Ej genomförd", "Organisation"),
      ...many(3, "Delvis genomförd", "Organisation"),
      ...many(1, "Pågående", "Kompetenshöjande"),
      ...many(1, "Planerad", "Kompetenshöjande"),
    ]);
    expect(s.activities).toBe(8);
    expect(s.byStatus).toEqual({ genomford: 2, delvis: 3, pagaende: 1, planerad: 1, ej: 1 });
    expect(s.areas.map((a) => [a.area, a.total])).toEqual([
      ["Organisation", 4],
      ["Kompetenshöjande", 2],
      ["Uppföljning", 2],
    ]);
    expect(s.areas[0]!.byStatus).toEqual({
      genomford: 0,
      delvis: 3,
      pagaende: 0,
      planerad: 0,
      ej: 1,
    });
  });
});

describe("planSentences: the review's plan sentences", () => {
  it("the 2019 review: 30 activities, four not done, five partly done", () => {
    const activities = [
      ...many(17, "Genomförd", "Förebyggande"),
      ...many(4, "Ej genomförd", "Förhindrande"),
      ...many(5, "Delvis genomförd", "Kompetenshöjande"),
      ...many(4, "Pågående", "Föreningsbidrag och lokaler"),
    ];
    const s = planSentences(2019, summarisePlan(activities));
    expect(s.intro).toBe(
      "Förvaltningen har i handlingsplanen för arbetet mot våldsbejakande extremism 30 aktiviteter inom områdena förebyggande, förhindrande, föreningsbidrag och lokaler samt kompetenshöjande.",
    );
    expect(s.outcome).toEqual([
      "Av aktiviteterna är 17 genomförda.",
      "Förvaltningen har inte kunnat genomföra fyra av de beslutade aktiviteterna.",
      "Fem aktiviteter är delvis genomförda.",
      "Fyra aktiviteter pågår.",
    ]);
  });

  it.each<[string, Array<{ area: PlanArea; status: PlanStatus }>, string]>([
    ["no activities", [], "Handlingsplanen för 2020 har inga aktiviteter."],
    [
      "one activity, done",
      many(1, "Genomförd", "Lägesbild"),
      "Förvaltningen har i handlingsplanen för arbetet mot våldsbejakande extremism en aktivitet inom området lägesbild. Aktiviteten är genomförd.",
    ],
    [
      "all done",
      many(12, "Genomförd"),
      "Förvaltningen har i handlingsplanen för arbetet mot våldsbejakande extremism tolv aktiviteter inom området förebyggande. Samtliga aktiviteter är genomförda.",
    ],
    [
      "singulars",
      [
        ...many(1, "Genomförd"),
        ...many(1, "Ej genomförd"),
        ...many(1, "Delvis genomförd"),
        ...many(1, "Pågående"),
        ...many(1, "Planerad"),
      ],
      "Förvaltningen har i handlingsplanen för arbetet mot våldsbejakande extremism fem aktiviteter inom området förebyggande. Av aktiviteterna är en genomförd. Förvaltningen har inte kunnat genomföra en av de beslutade aktiviteterna. En aktivitet är delvis genomförd. En aktivitet pågår. En aktivitet är ännu inte påbörjad.",
    ],
    [
      "thirteen not started: digits",
      many(13, "Planerad", "Organisation"),
      "Förvaltningen har i handlingsplanen för arbetet mot våldsbejakande extremism 13 aktiviteter inom området organisation. 13 aktiviteter är ännu inte påbörjade.",
    ],
  ])("%s", (_name, activities, sentence) => {
    expect(planSentence(2020, summarisePlan(activities))).toBe(sentence);
  });
});
