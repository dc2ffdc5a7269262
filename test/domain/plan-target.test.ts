import { describe, expect, it } from "vitest";
import type { PlanStatus } from "../../src/domain/plan-status";
import {
  figureText,
  reachedPercent,
  suggestedStatus,
  targetOf,
} from "../../src/domain/plan-target";

describe("figureText", () => {
  it.each([
    [242, 1003, "242 av 1003 (24 %)"],
    [1, 8, "1 av 8 (13 %)"],
    [1, 200, "1 av 200 (1 %)"],
    [5, 1000, "5 av 1000 (1 %)"],
    [9000, 12000, "9000 av 12 000 (75 %)"],
    [0, 0, "0 av 0"],
  ])("%i of %i → %s", (reached, headcount, text) => {
    expect(figureText({ reached, headcount })).toBe(text);
  });

  it("rounds halves up", () => {
    expect(reachedPercent({ reached: 1, headcount: 8 })).toBe(13);
    expect(reachedPercent({ reached: 0, headcount: 0 })).toBeNull();
  });
});

describe("suggestedStatus: target 80 % by 2019-12-31", () => {
  const target = { percent: 80, date: "2019-12-31" };
  it.each<[string, number, number, string, PlanStatus]>([
    ["target met before the date", 800, 1000, "2019-06-01", "Genomförd"],
    ["target met after the date", 801, 1000, "2020-02-01", "Genomförd"],
    ["under way, date ahead", 242, 1003, "2019-06-01", "Pågående"],
    ["nobody yet, date ahead", 0, 1003, "2019-06-01", "Planerad"],
    ["the date itself still counts as ahead", 242, 1003, "2019-12-31", "Pågående"],
    ["short of the target after the date", 242, 1003, "2020-01-01", "Delvis genomförd"],
    ["nobody after the date", 0, 1003, "2020-01-01", "Ej genomförd"],
    ["no staff to count", 0, 0, "2020-01-01", "Ej genomförd"],
  ])("%s", (_name, reached, headcount, today, status) => {
    expect(suggestedStatus({ reached, headcount }, target, today)).toBe(status);
  });

  it("a target without a date means the end of the plan year", () => {
    expect(targetOf(90, null, 2019)).toEqual({ percent: 90, date: "2019-12-31" });
    expect(targetOf(90, "2019-06-30", 2019)).toEqual({ percent: 90, date: "2019-06-30" });
    expect(targetOf(null, "2019-06-30", 2019)).toBeNull();
  });
});
