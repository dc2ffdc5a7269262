/**
 * The .xlsx value reader (imports/read/xlsx-values.ts) against SheetJS, side by side: every
 * workbook here is read both ways and must give the same Sheet, and the fast reader must
 * have done the reading (not stepped aside). Where it steps aside, SheetJS's answer stands.
 */
import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../../../imports/read";
import { readWorkbook } from "../../../imports/read/xlsx";
import { readXlsxValues } from "../../../imports/read/xlsx-values";
import { xlsxFile } from "../../../src/services/demo/files";
import { handWrittenXlsx, OFFICE_RELS_NS, SHEET_MAIN_NS, withPart } from "../../helpers/files";

const root = new URL("../../../", import.meta.url);
const file = (path: string) => new Uint8Array(readFileSync(new URL(path, root)));

function partsOf(bytes: Uint8Array): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(unzipSync(bytes))) parts.set(name.toLowerCase(), data);
  return parts;
}

/** Reads `bytes` both ways; they must agree and the value reader must not have stepped aside. */
function expectSameAsSheetJs(bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS) {
  expect(readXlsxValues(partsOf(bytes), limits.maxRows + 51)).not.toBeNull();
  const ours = attempt(() => readWorkbook(bytes, limits, "xlsx"));
  const theirs = attempt(() => readWorkbook(bytes, limits, "xlsx", "sheetjs"));
  expect(ours).toEqual(theirs);
  return ours;
}

function attempt<T>(read: () => T): T | { error: string } {
  try {
    return read();
  } catch (err) {
    return { error: (err as Error).message };
  }
}

const HEADER =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Anställningsnummer</t></is></c><c r="B1" t="inlineStr"><is><t>E-post</t></is></c></row>';

describe("the .xlsx value reader gives what SheetJS gives", () => {
  it.each([
    "imports/examples/handlingsplan-2019.xlsx",
    "imports/examples/narvaro-fordjupning.xlsx",
    "imports/examples/personal-2026-12-31.xlsx",
    "test/fixtures/ods/personal-2025-12-31.xlsx",
    "test/fixtures/ods/webbutbildning-export.xlsx",
    "test/fixtures/ten-people/narvaro-fordjupning.xlsx",
    "test/fixtures/ten-people/personal-2025-12-31.xlsx",
  ])("%s (saved by Excel, LibreOffice or SheetJS)", (path) => {
    const sheet = expectSameAsSheetJs(file(path));
    expect("rows" in sheet && sheet.rows.length).toBeGreaterThan(0);
  });

  it("the demo's and the bench's generated files (shared strings, a title row, dates)", () => {
    const rows = Array.from({ length: 300 }, (_, i) => [
      String(100000 + i),
      `Person ${i} Åström`,
      `p${i}@stad.se`,
      i % 7 === 0 ? "" : `Enhet ${i % 13}`,
      new Date(Date.UTC(2000 + (i % 25), i % 12, 1 + (i % 28))),
    ]);
    expectSameAsSheetJs(
      xlsxFile(
        "Personal",
        ["Personalförteckning 2026-11-30"],
        ["Nr", "Namn", "E-post", "Enhet", "Start"],
        rows as never,
      ),
    );
  });

  it.each([
    [
      "namespace prefixes on every element",
      { prefix: "x:" },
      `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Namn</x:t></x:is></x:c><x:c r="B1"><x:v>42</x:v></x:c></x:row>`,
    ],
    [
      "row numbers as parseInt reads them",
      {},
      `<row r="1e1"><c><v>1</v></c></row><row r=" 3"><c><v>2</v></c></row><row r="04.0"><c><v>3</v></c></row>`,
    ],
    [
      "rows and cells without r",
      {},
      `<row><c t="inlineStr"><is><t>a</t></is></c><c/><c><v>3</v></c></row><row/><row><c><v>1.5E-3</v></c><c r="D3"><v>-7</v></c><c><v>8</v></c></row>`,
    ],
    [
      "empty rows written as <row/>, with and without r",
      {},
      `<row r="1"><c><v>1</v></c></row><row/><row r="7"/><row><c><v>2</v></c></row>`,
    ],
    [
      "a cell placed by its own reference",
      {},
      `<row r="2"><c r="C5"><v>1</v></c><c><v>2</v></c></row>`,
    ],
    [
      "stubs, empty values and formulas without a cached value",
      {},
      `<row r="1"><c r="A1" s="3"/><c r="B1"><v></v></c><c r="C1"><f>1+1</f></c><c r="D1" t="n"/><c r="E1"><f>A1</f><v>2</v></c></row>`,
    ],
    [
      "booleans, errors, unknown types and formula text",
      {},
      `<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="b"/><c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="x"><v>?</v></c><c r="F1" t="str"><f>"a"</f><v>Solna – Sundbyberg</v></c><c r="G1" t="str"/></row>`,
    ],
    [
      "text that is only whitespace, and numbers that are not numbers",
      {},
      `<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">   </t></is></c><c r="B1"><v>abc</v></c><c r="C1"><v> 12 </v></c><c r="D1" t="inlineStr"><is></is></c><c r="E1" t="inlineStr"/></row>`,
    ],
    [
      "entities, OOXML escapes and Windows line ends",
      {},
      `<row r="1"><c r="A1" t="inlineStr"><is><t>Berg &amp; Ek &lt;HR&gt; &quot;x&quot; &apos;y&apos; &#229;&#xE4;</t></is></c><c r="B1" t="inlineStr"><is><t>rad 1_x000D_\r\nrad 2</t></is></c><c r="C1" t="inlineStr"><is><t>_x0041__x005F_x0042_</t></is></c></row>`,
    ],
    [
      "rich inline text with runs",
      {},
      `<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>Ann</t></r><r><t xml:space="preserve">a B</t></r></is></c></row>`,
    ],
    [
      "attributes in either quotes, prefixed or not",
      {},
      `<row r="1" spans="1:2" x14ac:dyDescent='0.25'><c r='A1' t="inlineStr" xr:uid="{A}"><is><t>a</t></is></c></row>`,
    ],
    [
      "an extLst inside a cell",
      {},
      `<row r="1"><c r="A1"><v>5</v><extLst><ext uri="x"><v>9</v></ext></extLst></c></row>`,
    ],
  ])("%s", (_, opts, data) => {
    expectSameAsSheetJs(handWrittenXlsx([{ name: "Blad1", data }], opts));
  });

  it("references past U+FFFF, odd entity spellings and _X escapes, as SheetJS unescapes them", () => {
    // SheetJS cuts &#128512; to 16 bits (U+F600) and reads &AMP; as U+0000: the same cells.
    const text = "Glad &#128512; &#x1F600; &AMP; &#X41; _X0041_ &#0;";
    const bytes = handWrittenXlsx(
      [
        {
          name: "Blad &#128512;",
          data: `<row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c><c r="B1" t="s"><v>0</v></c><c r="C1"><v>&#49;</v></c><c r="D1" t="b"><v>&#49;</v></c></row>`,
        },
      ],
      { strings: [`<si><r><t>${text}</t></r></si>`] },
    );
    expectSameAsSheetJs(bytes);
  });

  it("shared strings: plain, rich runs, phonetic guides, empty items and escapes", () => {
    const strings = [
      "<si><t>Anställningsnummer</t></si>",
      '<si><r><rPr><b/></rPr><t>Rich</t></r><r><t xml:space="preserve"> text</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>',
      "<si><t/></si>",
      "<si></si>",
      '<si><rPh sb="0" eb="1"><t>only a guide</t></rPh></si>',
      "<si><t>Ek &amp; Berg_x000D_\r\nrad två</t></si>",
      "<si><t>first</t><t>second</t></si>",
      "<si><r><t>a</t></r><t>b</t></si>",
      "<si><t></t><t>only the first t counts</t></si>",
      "<si><t/></si>",
    ];
    const data = `<row r="1">${strings.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join("")}</row>`;
    expectSameAsSheetJs(handWrittenXlsx([{ name: "Blad1", data }], { strings }));
  });

  it("picks the same sheet: an instructions sheet, a hidden sheet and a chart sheet before the list", () => {
    const bytes = handWrittenXlsx([
      {
        name: "Instruktioner",
        data: '<row r="1"><c r="A1" t="inlineStr"><is><t>Fyll i listan</t></is></c></row>',
      },
      { name: "Diagram", chart: true },
      {
        name: "Dold &amp; gammal",
        state: "hidden",
        data: '<row r="1"><c r="A1"><v>1</v></c></row>',
      },
      {
        name: "Personal",
        data: `${HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>1001</t></is></c></row>`,
      },
    ]);
    const sheet = expectSameAsSheetJs(bytes);
    expect("format" in sheet && sheet.format).toBe("Excel (.xlsx), blad 'Personal'");
  });

  it('a cell with an empty t="" and no value is no cell, so its sheet has no data', () => {
    const bytes = handWrittenXlsx([
      { name: "Tom", data: '<row r="1"><c r="A1" t=""/><c r="B1" t=""><v></v></c></row>' },
      { name: "Lista", data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
    ]);
    const sheet = expectSameAsSheetJs(bytes);
    expect("format" in sheet && sheet.format).toBe("Excel (.xlsx), blad 'Lista'");
  });

  it("two sheets of one name both show the one read last, as SheetJS keeps sheets by name", () => {
    const bytes = handWrittenXlsx([
      { name: "Lista", data: HEADER },
      { name: "Lista", data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
    ]);
    const sheet = expectSameAsSheetJs(bytes);
    expect("rows" in sheet && sheet.rows[0]!.cells).toEqual([1]);
  });

  it("hyperlinks: on cells with values, on emptied cells, and far below the data", () => {
    const links = (refs: string[]) => (xml: string) =>
      xml.replace(
        "<pageMargins",
        `<hyperlinks>${refs.map((ref, i) => `<hyperlink ref="${ref}" r:id="rId${i + 1}" display="x"/>`).join("")}</hyperlinks><pageMargins`,
      );
    const list = `${HEADER}<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>a@b.se</t></is></c></row>`;
    // A link left on an emptied cell still makes a cell in SheetJS: the sheet has data.
    const bytes = handWrittenXlsx([
      { name: "Tom", data: "" },
      { name: "Lista", data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
    ]);
    expectSameAsSheetJs(withPart(bytes, "xl/worksheets/sheet1.xml", links(["C3"])));
    expectSameAsSheetJs(
      withPart(
        handWrittenXlsx([{ name: "Blad1", data: list }]),
        "xl/worksheets/sheet1.xml",
        links(["B2", "B3:C4"]),
      ),
    );
    const small = { ...DEFAULT_READ_LIMITS, maxRows: 20 };
    expect(
      expectSameAsSheetJs(
        withPart(
          handWrittenXlsx([{ name: "Blad1", data: list }]),
          "xl/worksheets/sheet1.xml",
          links(["B500"]),
        ),
        small,
      ),
    ).toEqual({ error: expect.stringMatching(/fler än 20 rader/) });
  });

  it("the 1904 date system", () => {
    const bytes = handWrittenXlsx(
      [{ name: "Blad1", data: '<row r="1"><c r="A1"><v>100</v></c></row>' }],
      { date1904: true },
    );
    const sheet = expectSameAsSheetJs(bytes);
    expect("date1904" in sheet && sheet.date1904).toBe(true);
  });

  it("too many rows and too many columns give the same refusals", () => {
    const rows = Array.from(
      { length: 80 },
      (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`,
    ).join("");
    const small = { ...DEFAULT_READ_LIMITS, maxRows: 20, maxColumns: 2 };
    expect(expectSameAsSheetJs(handWrittenXlsx([{ name: "Blad1", data: rows }]), small)).toEqual({
      error: expect.stringMatching(/fler än 20 rader/),
    });
    const wide = '<row r="1"><c r="A1"><v>1</v></c><c r="E1"><v>2</v></c></row>';
    expect(expectSameAsSheetJs(handWrittenXlsx([{ name: "Blad1", data: wide }]), small)).toEqual({
      error: expect.stringMatching(/högst 2 tas emot/),
    });
  });

  it("random workbooks written by SheetJS, with and without a shared-string table", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pieces = [
      "Åsa",
      "ö",
      " ",
      "&",
      "<",
      ">",
      '"',
      "'",
      "\r\n",
      "\n",
      "\t",
      "_x0041_",
      "😀",
      "–",
      "€",
      "0012",
      "e-post",
      "Enhet",
    ];
    const value = (): unknown => {
      const kind = Math.floor(random() * 6);
      if (kind === 0) return null;
      if (kind === 1) return Math.round((random() - 0.5) * 1e6) / (random() < 0.5 ? 1 : 1000);
      if (kind === 2) return random() < 0.5;
      if (kind === 3) return random() * 1e-8;
      return Array.from(
        { length: 1 + Math.floor(random() * 4) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join("");
    };
    for (let n = 0; n < 40; n++) {
      const rows = Array.from({ length: 1 + Math.floor(random() * 12) }, () =>
        Array.from({ length: 1 + Math.floor(random() * 6) }, value),
      );
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), "Blad1");
      const bytes = new Uint8Array(
        XLSX.write(wb, { type: "array", bookType: "xlsx", bookSST: n % 2 === 0 }),
      );
      expectSameAsSheetJs(bytes);
    }
  });
});

it("a formula's text result is unescaped once, as Excel shows it (SheetJS unescapes twice)", () => {
  const bytes = handWrittenXlsx([
    {
      name: "Blad1",
      data: '<row r="1"><c r="A1" t="str"><f>"x"</f><v>a &amp;lt; b</v></c><c r="B1" t="str"><f>"å"</f><v>&#229;</v></c></row>',
    },
  ]);
  expect(readWorkbook(bytes, DEFAULT_READ_LIMITS, "xlsx").rows[0]!.cells).toEqual([
    "a &lt; b",
    "å",
  ]);
  // SheetJS also reads the reference's character as a UTF-8 byte between its two passes.
  expect(readWorkbook(bytes, DEFAULT_READ_LIMITS, "xlsx", "sheetjs").rows[0]!.cells).toEqual([
    "a < b",
    "\uFFFD",
  ]);
});

describe("where the value reader steps aside, SheetJS reads the file", () => {
  const cell = (data: string) =>
    handWrittenXlsx([{ name: "Blad1", data: `<row r="1">${data}</row>` }]);
  it.each([
    ['an ISO date cell (t="d")', cell('<c r="A1" t="d"><v>2026-11-30T00:00:00Z</v></c>')],
    ["CDATA", cell('<c r="A1" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c>')],
    // SheetJS splits the table at </si> after dropping each bare <si>: these run into the
    // next item there (an <si/> took the next item's place, a second <t> filled an empty first).
    ...[
      ["an <si/>", "<si/>"],
      ["an <si> with attributes", '<si x="1"><t>a</t></si>'],
      ["an <sstItem>", "<sstItem><t>a</t></sstItem>"],
      ["a plain <t/> and more", "<si><t/><t>a</t></si>"],
      ["a self-closing phonetic guide", '<si><r><t>a</t></r><rPh sb="0" eb="1"/></si>'],
    ].map(([what, item]): [string, Uint8Array] => [
      `shared strings with ${what}`,
      handWrittenXlsx(
        [
          {
            name: "Blad1",
            data: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>',
          },
        ],
        { strings: [item!, "<si><t>b</t></si>"] },
      ),
    ]),
    [
      "a shared string index past the table",
      handWrittenXlsx([{ name: "Blad1", data: '<row r="1"><c r="A1" t="s"><v>3</v></c></row>' }], {
        strings: ["<si><t>a</t></si>"],
      }),
    ],
    ["an element it does not know in sheetData", cell('<c r="A1"><v>1</v></c><mystery/>')],
    // SheetJS's regular expressions see into comments: it drops a bare <c> after one, keeps
    // a comment inside <t> as text and counts a commented-out <v>.
    [
      "a comment or processing instruction before a bare cell",
      cell("<?pi data?><c><v>1</v></c><!-- x --><c><v>2</v></c>"),
    ],
    // SheetJS splits a row at "<c" followed by a space, "/" or ">", ends a tag at its first
    // ">", and places a cell without r= at the first r="…" inside it.
    ["a line end after <c", cell('<c r="A1"><v>1</v></c><c\r\n  r="B1"><v>2</v></c>')],
    [
      "'>' in a row's attribute",
      handWrittenXlsx([{ name: "Blad1", data: '<row r="1" x="a>b"><c><v>1</v></c></row>' }]),
    ],
    [
      "text before a row's first cell",
      handWrittenXlsx([{ name: "Blad1", data: '<row r="1">x<c><v>1</v></c></row>' }]),
    ],
    [
      "a row number that is not a number to parseInt",
      handWrittenXlsx([{ name: "Blad1", data: '<row r="0x5"><c><v>1</v></c></row>' }]),
    ],
    [
      "a data table cell without r=",
      cell('<c><f t="dataTable" ref="A1:A2" dt2D="0" dtr="1" r1="B1"/><v>5</v></c>'),
    ],
    [
      'text with r="…" in a cell without r=',
      cell('<c t="inlineStr"><is><t>color="red"</t></is></c>'),
    ],
    [
      "a cell outside a row",
      handWrittenXlsx([
        { name: "Blad1", data: '<row r="1"><c r="A1"><v>1</v></c></row><c r="A2"><v>2</v></c>' },
      ]),
    ],
    ["a comment inside text", cell('<c r="A1" t="inlineStr"><is><t>a<!-- b -->c</t></is></c>')],
    ["a commented-out value", cell('<c r="A1"><!-- <v>9</v> --><v>1</v></c>')],
    ["a lower-case cell reference", cell('<c r="a1"><v>1</v></c>')],
    // SheetJS refuses these files; stepping aside gives its refusal.
    [
      "a workbook outside the spreadsheet namespace",
      withPart(cell('<c r="A1"><v>1</v></c>'), "xl/workbook.xml", (xml) =>
        xml.replace(`xmlns="${SHEET_MAIN_NS}"`, ""),
      ),
    ],
    [
      "a styles part listed but missing",
      withPart(cell('<c r="A1"><v>1</v></c>'), "[Content_Types].xml", (xml) =>
        xml.replace(
          "</Types>",
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
        ),
      ),
    ],
    [
      "a sheet without a name",
      withPart(cell('<c r="A1"><v>1</v></c>'), "xl/workbook.xml", (xml) =>
        xml.replace('name="Blad1" ', ""),
      ),
    ],
    [
      "hyperlinks over more cells than a list has",
      withPart(cell('<c r="A1"><v>1</v></c>'), "xl/worksheets/sheet1.xml", (xml) =>
        xml.replace(
          "<pageMargins",
          '<hyperlinks><hyperlink ref="A1:Z5000" display="x"/></hyperlinks><pageMargins',
        ),
      ),
    ],
    // SheetJS skips a prefixed <Relationship> and reads xl/worksheets/sheet1.xml instead.
    [
      "relationships with a namespace prefix",
      withPart(
        withPart(cell('<c r="A1"><v>1</v></c>'), "xl/_rels/workbook.xml.rels", (xml) =>
          xml
            .replace("<Relationships xmlns=", "<pr:Relationships xmlns:pr=")
            .replace("</Relationships>", "</pr:Relationships>")
            .replaceAll("<Relationship ", "<pr:Relationship ")
            .replace("worksheets/sheet1.xml", "worksheets/lista.xml"),
        ),
        "xl/worksheets/lista.xml",
        () =>
          `<worksheet xmlns="${SHEET_MAIN_NS}"><sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData></worksheet>`,
      ),
    ],
    [
      "a sheet of an unknown relationship type",
      withPart(cell('<c r="A1"><v>1</v></c>'), "xl/_rels/workbook.xml.rels", (xml) =>
        xml.replace(`${OFFICE_RELS_NS}/worksheet`, "http://example.com/relationships/worksheet"),
      ),
    ],
    // SheetJS gives a note on an empty cell a place: here a sheet of notes only has data.
    [
      "a sheet with notes",
      withPart(
        withPart(
          handWrittenXlsx([
            { name: "Anteckningar", data: "" },
            { name: "Lista", data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
          ]),
          "xl/worksheets/_rels/sheet1.xml.rels",
          () =>
            `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${OFFICE_RELS_NS}/comments" Target="../comments1.xml"/></Relationships>`,
        ),
        "xl/comments1.xml",
        () =>
          `<comments xmlns="${SHEET_MAIN_NS}"><authors><author>A</author></authors><commentList><comment ref="B2" authorId="0"><text><t>Fyll i</t></text></comment></commentList></comments>`,
      ),
    ],
    [
      "a sheet that is not UTF-8",
      handWrittenXlsx([{ name: "Blad1" }], {
        rawSheet: `<?xml version="1.0" encoding="ISO-8859-1"?><worksheet xmlns="${SHEET_MAIN_NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
      }),
    ],
  ])("%s", (_, bytes) => {
    expect(readXlsxValues(partsOf(bytes), DEFAULT_READ_LIMITS.maxRows + 51)).toBeNull();
    const ours = attempt(() => readWorkbook(bytes, DEFAULT_READ_LIMITS, "xlsx"));
    expect(ours).toEqual(
      attempt(() => readWorkbook(bytes, DEFAULT_READ_LIMITS, "xlsx", "sheetjs")),
    );
  });

  it("a workbook without its relationships part", () => {
    const parts = partsOf(
      handWrittenXlsx([{ name: "Blad1", data: '<row r="1"><c r="A1"><v>1</v></c></row>' }]),
    );
    parts.delete("xl/_rels/workbook.xml.rels");
    expect(readXlsxValues(parts, 100)).toBeNull();
  });
});
