import { describe, expect, it } from "vitest";
import { undoConsequences } from "../../src/domain/undo-summary";

describe("undoConsequences", () => {
  it.each([
    [
      "staff",
      { rows: 12, created: 2, updated: 1, unchanged: 9, left: 3 },
      [
        "2 nya personer tas bort.",
        "1 ändrad person får tillbaka enhet, befattning, namn och e-post som före importen.",
        "3 avslutade anställningar öppnas igen.",
      ],
    ],
    [
      "staff",
      { rows: 5, created: 0, updated: 0, unchanged: 5, left: 1 },
      ["1 avslutad anställning öppnas igen."],
    ],
    [
      "completions",
      { rows: 1500, matched: 1400, unmatched: 1, events: 1234 },
      [
        "1\u00a0234 utbildningshändelser tas bort.",
        "1 omatchad rad tas bort ur kön, även kopplingar som gjorts från dem.",
      ],
    ],
    ["attendance", { rows: 3, events: 1 }, ["1 utbildningshändelse tas bort."]],
    ["completions", null, ["Allt som importen skrev tas bort."]],
  ] as const)("%s %j", (kind, counts, expected) => {
    expect(undoConsequences(kind, counts)).toEqual(expected);
  });
});
