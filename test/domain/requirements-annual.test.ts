import { describe, expect, it } from "vitest";
import {
  type DeepenedCourseSection,
  deepenedCourseSentence,
} from "../../src/domain/requirements-annual";

const base: Omit<DeepenedCourseSection, "sentence"> = {
  course: "vbe-fordjupning",
  title: "Fördjupad utbildning om våldsbejakande extremism",
  hasTargetGroup: true,
  headcount: 40,
  completed: 12,
  overdue: 0,
  exempt: 0,
  attendedInYear: 5,
};

describe("the annual sentence per deepened course", () => {
  it.each<[string, Partial<DeepenedCourseSection>, string]>([
    [
      "target group",
      {},
      "12 av 40 i målgruppen har gått Fördjupad utbildning om våldsbejakande extremism.",
    ],
    [
      "overdue and exempt",
      { overdue: 3, exempt: 1 },
      "12 av 40 i målgruppen har gått Fördjupad utbildning om våldsbejakande extremism. 3 har passerat sin deadline utan att ha gått kursen. En medarbetare är undantagen och räknas inte med.",
    ],
    [
      "large group",
      { headcount: 12500, completed: 10250, overdue: 1, exempt: 2 },
      "10 250 av 12 500 i målgruppen har gått Fördjupad utbildning om våldsbejakande extremism. En har passerat sin deadline utan att ha gått kursen. 2 medarbetare är undantagna och räknas inte med.",
    ],
    [
      "no rules: deepened wording",
      { hasTargetGroup: false },
      "5 medarbetare har gått Fördjupad utbildning om våldsbejakande extremism under 2026. Kursen har ingen målgrupp.",
    ],
    [
      "no rules, one",
      { hasTargetGroup: false, attendedInYear: 1 },
      "En medarbetare har gått Fördjupad utbildning om våldsbejakande extremism under 2026. Kursen har ingen målgrupp.",
    ],
    [
      "no rules, none",
      { hasTargetGroup: false, attendedInYear: 0 },
      "Ingen medarbetare har gått Fördjupad utbildning om våldsbejakande extremism under 2026. Kursen har ingen målgrupp.",
    ],
  ])("%s", (_name, change, sentence) => {
    expect(deepenedCourseSentence({ ...base, ...change }, 2026)).toBe(sentence);
  });
});
