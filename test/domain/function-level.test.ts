import { describe, expect, it } from "vitest";
import { FUNCTION_LEVEL_LABEL, parseFunctionLevel } from "../../src/domain/function-level";

describe("parseFunctionLevel", () => {
  it.each([
    ["Förebyggande/upptäckande", "forebyggande"],
    ["förebyggande / upptäckande", "forebyggande"],
    ["  FÖREBYGGANDE ", "forebyggande"],
    ["Upptäckande", "forebyggande"],
    ["Förhindrande/åtgärdande", "forhindrande"],
    ["förhindrande", "forhindrande"],
    ["Åtgärdande", "forhindrande"],
    ["", null],
    ["   ", null],
    ["Förebyggande och förhindrande", null],
    ["annat", null],
  ] as const)("%j → %s", (text, level) => {
    expect(parseFunctionLevel(text)).toBe(level);
  });

  it("reads its own labels back", () => {
    for (const [level, label] of Object.entries(FUNCTION_LEVEL_LABEL))
      expect(parseFunctionLevel(label)).toBe(level);
  });
});
