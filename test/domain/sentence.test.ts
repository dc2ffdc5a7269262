import { describe, expect, it } from "vitest";
import {
  annualSentence,
  approxCountWords,
  approxHeadcount,
  deepenedSentence,
  formatNumber,
  reachedSentence,
} from "../../src/domain/sentence";

describe("approxHeadcount", () => {
  it.each([
    [0, "0"],
    [1, "1"],
    [12, "12"],
    [19, "19"],
    [20, "ca 20"],
    [24, "ca 20"],
    [25, "ca 30"],
    [47, "ca 50"],
    [99, "ca 100"],
    [104, "ca 100"],
    [105, "ca 110"],
    [163, "ca 160"],
    [199, "ca 200"],
    [200, "ca 200"],
    [224, "ca 200"],
    [225, "ca 250"],
    [480, "ca 500"],
    [499, "ca 500"],
    [549, "ca 500"],
    [550, "ca 600"],
    [640, "ca 600"],
    [949, "ca 900"],
    [957, "ca 1000"],
    [975, "ca 1000"],
    [986, "ca 1000"],
    [1003, "ca 1000"],
    [1049, "ca 1000"],
    [1050, "ca 1100"],
    [1075, "ca 1100"],
    [2549, "ca 2500"],
    [9949, "ca 9900"],
    [9950, "ca 10 000"],
    [12_345, "ca 12 000"],
    [149_600, "ca 150 000"],
  ])("%i → %s", (n, expected) => {
    expect(approxHeadcount(n)).toBe(expected);
  });
});

describe("approxCountWords", () => {
  it.each([
    [0, "noll", true],
    [1, "en", true],
    [3, "tre", true],
    [9, "nio", true],
    [10, "ca ett tiotal", false],
    [12, "ca ett tiotal", false],
    [13, "ca ett femtontal", false],
    [15, "ca ett femtontal", false],
    [17, "ca ett femtontal", false],
    [18, "ca ett tjugotal", false],
    [21, "ca ett tjugotal", false],
    [24, "ca ett tjugotal", false],
    [25, "ca ett trettiotal", false],
    [34, "ca ett trettiotal", false],
    [38, "ca ett fyrtiotal", false],
    [52, "ca ett femtiotal", false],
    [61, "ca ett sextiotal", false],
    [73, "ca ett sjuttiotal", false],
    [80, "ca ett åttiotal", false],
    [94, "ca ett nittiotal", false],
    [95, "ca ett hundratal", false],
    [104, "ca ett hundratal", false],
    [105, "ca 110", false],
    [149, "ca 150", false],
    [251, "ca 250", false],
  ])("%i → %s", (n, words, exact) => {
    expect(approxCountWords(n)).toEqual({ words, exact });
  });

  it.each([-1, 2.5, Number.NaN])("rejects %s", (n) => {
    expect(() => approxCountWords(n)).toThrow(RangeError);
  });
});

describe("formatNumber", () => {
  it.each([
    [0, "0"],
    [242, "242"],
    [1000, "1000"],
    [9999, "9999"],
    [10_000, "10 000"],
    [1_234_567, "1 234 567"],
  ])("%i → %s", (n, expected) => {
    expect(formatNumber(n)).toBe(expected);
  });
});

describe("reachedSentence", () => {
  it.each([
    [
      "the customer's example: all reached during the year",
      { headcount: 1003, reached: 242, reachedInYear: 242 },
      "Under året har 242 medarbetare av ca 1000 påbörjat eller helt genomfört utbildningen.",
    ],
    [
      "cumulative, some during the year",
      { headcount: 1075, reached: 480, reachedInYear: 238 },
      "Totalt har 480 medarbetare av ca 1100 påbörjat eller helt genomfört utbildningen, varav 238 under året.",
    ],
    [
      "cumulative, none during the year",
      { headcount: 40, reached: 12, reachedInYear: 0 },
      "Totalt har 12 medarbetare av ca 40 påbörjat eller helt genomfört utbildningen, ingen av dem under året.",
    ],
    [
      "small unit, exact headcount",
      { headcount: 12, reached: 3, reachedInYear: 3 },
      "Under året har 3 medarbetare av 12 påbörjat eller helt genomfört utbildningen.",
    ],
    [
      "nobody reached",
      { headcount: 986, reached: 0, reachedInYear: 0 },
      "Ingen av ca 1000 medarbetare har påbörjat utbildningen.",
    ],
    [
      "nobody employed",
      { headcount: 0, reached: 0, reachedInYear: 0 },
      "Vid årets slut fanns inga medarbetare registrerade.",
    ],
    [
      "large organisation",
      { headcount: 12_345, reached: 10_001, reachedInYear: 10_001 },
      "Under året har 10 001 medarbetare av ca 12 000 påbörjat eller helt genomfört utbildningen.",
    ],
  ])("%s", (_c, figures, expected) => {
    expect(reachedSentence(figures)).toBe(expected);
  });
});

describe("deepenedSentence", () => {
  it.each([
    [0, "Ingen medarbetare har gått någon fördjupad utbildning under året."],
    [1, "En medarbetare har även gått en fördjupad utbildning."],
    [2, "Två medarbetare har även gått fördjupade utbildningar."],
    [3, "Tre medarbetare har även gått fördjupade utbildningar."],
    [11, "Ca ett tiotal medarbetare har även gått fördjupade utbildningar."],
    [16, "Ca ett femtontal medarbetare har även gått fördjupade utbildningar."],
    [21, "Ca ett tjugotal medarbetare har även gått fördjupade utbildningar."],
    [43, "Ca ett fyrtiotal medarbetare har även gått fördjupade utbildningar."],
    [100, "Ca ett hundratal medarbetare har även gått fördjupade utbildningar."],
    [260, "Ca 250 medarbetare har även gått fördjupade utbildningar."],
  ])("%i", (n, expected) => {
    expect(deepenedSentence(n)).toBe(expected);
  });
});

it("annualSentence joins both clauses like the design's example", () => {
  expect(
    annualSentence({
      headcount: 1003,
      reached: 242,
      completed: 200,
      reachedInYear: 242,
      deepened: 21,
    }),
  ).toBe(
    "Under året har 242 medarbetare av ca 1000 påbörjat eller helt genomfört utbildningen. Ca ett tjugotal medarbetare har även gått fördjupade utbildningar.",
  );
});
