import { describe, expect, it } from "vitest";
import { addDays, formatSwedishDate, isIsoDate, stockholmDate } from "../../src/domain/dates";

describe("dates", () => {
  it.each([
    ["2025-12-31", true],
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["2019-02-31", false],
    ["2025-13-01", false],
    ["31/12/2025", false],
    ["2025-1-1", false],
  ])("isIsoDate(%j) = %s", (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each([
    ["2026-01-01", -1, "2025-12-31"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2025-03-30", 1, "2025-03-31"],
  ])("addDays(%s, %i) = %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it("uses Stockholm's calendar day, not UTC's", () => {
    // 23:30 UTC on New Year's Eve is already 00:30 on 1 January in Stockholm.
    expect(stockholmDate(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
    expect(stockholmDate(new Date("2025-06-30T21:59:00Z"))).toBe("2025-06-30");
  });

  it("formats dates for Swedish running text", () => {
    expect(formatSwedishDate("2026-11-25")).toBe("25 november 2026");
  });
});
