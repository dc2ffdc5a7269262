import { describe, expect, it } from "vitest";
import { namesOwnUnit } from "../../src/domain/plan-responsible";

const units = [
  { code: "FSK01", name: "Bredängs förskoleenhet" },
  { code: null, name: "Vuxenenheten" },
];

describe("namesOwnUnit: a chef's unit named in Ansvarig", () => {
  it.each<[string | null, boolean]>([
    ["Bredängs förskoleenhet", true],
    ["Enhetschef bredängs  förskoleenhet", true],
    ["FSK01", true],
    ["fsk01, Vuxenenheten", true],
    ["Vuxenenheten och polisen", true],
    ["Stadsdelsförvaltningen", false],
    ["FSK011", false],
    ["Sätra förskoleenhet", false],
    ["Vuxenenhetens chef", false],
    [null, false],
    ["", false],
  ])("%j → %s", (responsible, own) => {
    expect(namesOwnUnit(responsible, units)).toBe(own);
  });
});
