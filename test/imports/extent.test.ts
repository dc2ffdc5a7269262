import { describe, expect, it } from "vitest";
import { parseExtent } from "../../imports/extent";
import { formatExtent } from "../../views/format";

describe("parseExtent", () => {
  it.each([
    ["50", 50],
    ["50 %", 50],
    ["50%", 50],
    ["0,5", 50],
    ["0.5", 50],
    ["37,5 %", 37.5],
    ["100", 100],
    ["1", 100],
    ["0", 0],
    [0.75, 75],
    [80, 80],
    ["0,5 %", 0.5],
  ] as const)("%s → %s %%", (cell, percent) => {
    expect(parseExtent(cell)).toBe(percent);
  });

  it.each(["heltid", "120", "-50", "50 procent", "", 150])("refuses %s", (cell) => {
    expect(parseExtent(cell)).toBeUndefined();
  });
});

describe("formatExtent", () => {
  it.each([
    [50, "50 %"],
    [37.5, "37,5 %"],
  ])("%s → %s", (percent, text) => expect(formatExtent(percent)).toBe(text));
});
