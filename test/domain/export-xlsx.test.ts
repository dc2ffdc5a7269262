import { describe, expect, it } from "vitest";
import {
  columnName,
  columnWidths,
  excelSerial,
  safeSheetName,
  xlsxParts,
  xmlText,
} from "../../src/domain/export-xlsx";

describe("excelSerial (1900 date system)", () => {
  it.each([
    ["1900-03-01", 61],
    ["2019-12-31", 43830],
    ["2025-12-31", 46022],
    ["2024-02-29", 45351],
    ["2025-02-29", null],
    ["31/12/2025", null],
    ["", null],
  ])("%j → %j", (iso, serial) => {
    expect(excelSerial(iso)).toBe(serial);
  });
});

describe("columnName", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("%i → %s", (index, name) => {
    expect(columnName(index)).toBe(name);
  });
});

describe("xmlText", () => {
  it.each([
    ["Berg & Söner <AB>", "Berg &amp; Söner &lt;AB&gt;"],
    ['=HYPERLINK("x")', "=HYPERLINK(&quot;x&quot;)"],
    ["a\u0001b\u000bc", "abc"],
    ["rad 1\r\nrad 2", "rad 1&#13;\nrad 2"],
    ["_x0041_", "_x005F_x0041_"],
    ["Åsa", "Åsa"],
  ])("%j → %j", (text, xml) => {
    expect(xmlText(text)).toBe(xml);
  });
});

describe("safeSheetName", () => {
  it.each([
    ["Årsrapport 2025", "Årsrapport 2025"],
    ["a/b:c?d*e[f]", "a-b-c-d-e-f-"],
    ["x".repeat(40), "x".repeat(31)],
  ])("%j → %j", (name, safe) => {
    expect(safeSheetName(name)).toBe(safe);
  });
});

describe("columnWidths", () => {
  it("fits the longest value, the header with room for the filter button", () => {
    const widths = columnWidths({
      name: "T",
      layout: "table",
      kinds: ["text", "date", "count", "percent"],
      rows: [
        ["Namn", "Per datum", "N", "Andel"],
        ["Anna Andersson-Lindqvist", "2025-12-31", 12345, 66.7],
        [null, "2025-01-01", 1, null],
      ],
    });
    // 24 characters + 2; "Per datum" 9 + 3 + 2 beats the 10-character date; minimum 6.
    expect(widths).toEqual([26, 14, 7, 10]);
  });

  it("caps very long text", () => {
    const long = { kinds: ["text" as const], rows: [["x".repeat(500)]] };
    expect(columnWidths({ name: "T", layout: "table", ...long })).toEqual([60]);
    expect(columnWidths({ name: "N", layout: "notes", ...long })).toEqual([100]);
  });
});

describe("xlsxParts", () => {
  const parts = xlsxParts([
    {
      name: "Personal",
      layout: "table",
      kinds: ["text", "id", "date", "count"],
      rows: [
        ["Namn", "Anställningsnummer", "Genomförd datum", "Antal"],
        ["=1+1", "007", "2025-10-01", 3],
        ["", null, null, 0],
        ["Bo", 42, "okänt", null],
      ],
    },
    { name: "Om rapporten", layout: "notes", kinds: ["text", "text"], rows: [["Rapport", "Test"]] },
  ]);
  const sheet = parts["xl/worksheets/sheet1.xml"]!;

  it("writes each value by its column's kind and leaves blanks out", () => {
    const row = (n: number) => new RegExp(`<row r="${n}">(.*?)</row>`).exec(sheet)?.[1];
    // Text as shared strings (0-3 are the header), the id with the text format (style 4),
    // the date as its serial with the yyyy-mm-dd format (style 2), the count as a number.
    expect(row(2)).toBe(
      '<c r="A2" t="s"><v>4</v></c><c r="B2" s="4" t="s"><v>5</v></c><c r="C2" s="2"><v>45931</v></c><c r="D2"><v>3</v></c>',
    );
    expect(row(3)).toBe('<c r="D3"><v>0</v></c>');
    // A number in an id column is still text; an unreadable date stays as written.
    expect(row(4)).toBe(
      '<c r="A4" t="s"><v>6</v></c><c r="B4" s="4" t="s"><v>7</v></c><c r="C4" t="s"><v>8</v></c>',
    );
    expect(parts["xl/sharedStrings.xml"]).toContain(
      "<si><t>=1+1</t></si><si><t>007</t></si><si><t>Bo</t></si><si><t>42</t></si><si><t>okänt</t></si>",
    );
  });

  it("freezes and filters the table, not the notes", () => {
    expect(sheet).toContain('state="frozen"');
    expect(sheet).toContain('<autoFilter ref="A1:D4"/>');
    // The id column's numbers-as-text are deliberate: no green warning triangles.
    expect(sheet).toContain(
      '<ignoredErrors><ignoredError sqref="B2:B4" numberStoredAsText="1"/></ignoredErrors></worksheet>',
    );
    expect(parts["xl/worksheets/sheet2.xml"]).not.toContain("frozen");
    expect(parts["xl/worksheets/sheet2.xml"]).not.toContain("autoFilter");
    expect(parts["xl/workbook.xml"]).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Personal'!$A$1:$D$4</definedName>`,
    );
  });
});
