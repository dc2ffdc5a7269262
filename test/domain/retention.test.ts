import { describe, expect, it } from "vitest";
import {
  DEFAULT_RETENTION,
  leaverIsDue,
  PSEUDONYM_LAST_NAME,
  retentionCutoffs,
  retentionProblem,
  scrubIdentity,
  yearsBefore,
} from "../../src/domain/retention";

describe("yearsBefore", () => {
  it.each([
    ["2026-11-25", 3, "2023-11-25"],
    ["2026-01-01", 2, "2024-01-01"],
    ["2028-02-29", 3, "2025-02-28"], // no 29 February in 2025
    ["2028-02-29", 4, "2024-02-29"],
  ])("%s minus %i years → %s", (date, years, expected) => {
    expect(yearsBefore(date, years)).toBe(expected);
  });
});

describe("leaverIsDue (default: 3 years after the last employment ended)", () => {
  const cutoffs = retentionCutoffs("2026-11-25", DEFAULT_RETENTION);
  it("has the default cutoffs", () => {
    expect(cutoffs).toEqual({ leaverEndedBefore: "2023-11-25", logsBefore: "2024-11-25" });
  });
  it.each([
    [{ lastEnded: "2023-11-24", current: false }, true], // three years and a day ago
    [{ lastEnded: "2023-11-25", current: false }, false], // exactly three years: kept today
    [{ lastEnded: "2020-01-31", current: true }, false], // left one unit, still works in another
    [{ lastEnded: null, current: true }, false],
    [{ lastEnded: null, current: false }, false], // no employment on record: not this rule
    [{ lastEnded: "2026-06-30", current: false }, false],
  ])("%j → %j", (span, due) => {
    expect(leaverIsDue(span, cutoffs)).toBe(due);
  });
});

describe("retentionProblem", () => {
  it.each([
    [{ leaverYears: 3, logYears: 2 }, null],
    [{ leaverYears: 1, logYears: 10 }, null],
    [{ leaverYears: 0, logYears: 2 }, "mellan 1 och 10"],
    [{ leaverYears: 3, logYears: 11 }, "loggarna"],
    [{ leaverYears: 2.5, logYears: 2 }, "helt antal år"],
  ])("%j → %j", (policy, problem) => {
    const got = retentionProblem(policy);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toContain(problem);
  });
});

describe("scrubIdentity", () => {
  it("blanks names, e-mail and employee number, keeps the rest", () => {
    expect(
      scrubIdentity({
        firstName: "Åsa",
        lastName: "Ek",
        email: "asa@x.se",
        employeeNo: "7",
        title: "Lärare",
      }),
    ).toEqual({
      firstName: "",
      lastName: PSEUDONYM_LAST_NAME,
      email: null,
      employeeNo: null,
      title: "Lärare",
    });
  });
});
