import { describe, expect, it } from "vitest";
import { escapeFormula, toCsv } from "../../src/domain/export-cells";

describe("escapeFormula", () => {
  it.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+46 8 123", "'+46 8 123"],
    ["-1", "'-1"],
    ["@cmd", "'@cmd"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["Anna Andersson", "Anna Andersson"],
    ["Åsa-Lena", "Åsa-Lena"],
    ["a=b", "a=b"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(escapeFormula(input)).toBe(expected);
  });
});

describe("toCsv", () => {
  it("writes Swedish Excel CSV: BOM, semicolons, CRLF, decimal comma, quoting", () => {
    const csv = toCsv(
      ["Enhet", "Anställda", "Andel"],
      [
        ["Bredängs förskoleenhet", 40, 24.5],
        ['Enhet "Syd"; norr', 3, null],
        ['=HYPERLINK("x")', -2, 0],
      ],
    );
    expect(csv).toBe(
      "\uFEFFEnhet;Anställda;Andel\r\n" +
        "Bredängs förskoleenhet;40;24,5\r\n" +
        '"Enhet ""Syd""; norr";3;\r\n' +
        '"\'=HYPERLINK(""x"")";-2;0\r\n',
    );
  });

  it.each([
    ["Berg,=HYPERLINK(1)", "Berg,'=HYPERLINK(1)"],
    ["Berg, +1", "Berg, '+1"],
    ["a,@b,-c", "a,'@b,'-c"],
    ["Berg, Anna", "Berg, Anna"],
    ["100,5", "100,5"],
  ])("escapes a formula after a comma (English Excel's separator): %j", (input, expected) => {
    expect(toCsv(["a"], [[input]])).toBe(`\uFEFFa\r\n${expected}\r\n`);
  });

  it("quotes embedded line breaks", () => {
    expect(toCsv(["a"], [["rad 1\nrad 2"]])).toBe('\uFEFFa\r\n"rad 1\nrad 2"\r\n');
  });
});
