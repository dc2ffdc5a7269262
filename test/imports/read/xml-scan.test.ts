import { describe, expect, it } from "vitest";
import { NotPlainXml, unescapeXml, XmlScanner } from "../../../imports/read/xml-scan";

describe("unescapeXml", () => {
  it.each([
    ["plain text", "Åsa Berg", false, "Åsa Berg"],
    [
      "the five named entities",
      "&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos;",
      false,
      "<a> & \"b\" 'c'",
    ],
    ["decimal and hex references", "&#229;&#xE4;", false, "åä"],
    // SheetJS's quirks, kept so that both readers give the same cells:
    ["a reference past U+FFFF is cut to 16 bits", "&#x1F600;&#128512;", false, "\uF600\uF600"],
    ["…and one past U+10FFFF too", "&#x110000;", false, "\u0000"],
    ["named entities match case-blind, an odd spelling is U+0000", "&AMP;&Lt;", false, "\0\0"],
    ["&#X is read as decimal", "&#X41;&#1a;", false, ")\u0001"],
    ["an unknown entity stays as written", "&nbsp;", false, "&nbsp;"],
    ["OOXML's _xHHHH_ escapes", "a_x000D_b_x0041__X0042_", false, "a\rbAB"],
    ["an escaped underscore keeps the next escape literal", "_x005F_x0041_", false, "_x0041_"],
    ["Windows line ends become \\n in cell text", "rad 1\r\nrad 2", true, "rad 1\nrad 2"],
    ["…and stay elsewhere", "rad 1\r\nrad 2", false, "rad 1\r\nrad 2"],
  ])("%s", (_, raw, lines, expected) => {
    expect(unescapeXml(raw, lines)).toBe(expected);
  });
});

describe("XmlScanner", () => {
  it("walks tags with prefixes dropped, attributes by local name, and text", () => {
    const scan = new XmlScanner(
      `<?xml version="1.0"?>\n<x:row r="1" note='a>b' x14:dy="0.2"><x:c r="A1"><x:v>4&amp;2</x:v></x:c><x:c/></x:row>`,
    );
    const seen: string[] = [];
    while (scan.next()) {
      seen.push(`${scan.closing ? "/" : ""}${scan.name()}${scan.selfClosing ? "/" : ""}`);
      if (!scan.closing && scan.is("row"))
        expect([scan.attr("r"), scan.attr("note"), scan.attr("dy")]).toEqual(["1", "a>b", "0.2"]);
      if (!scan.closing && scan.is("v")) expect(scan.text()).toBe("4&amp;2");
    }
    expect(seen).toEqual(["row", "c", "v", "/v", "/c", "c/", "/row"]);
  });

  it.each([
    ["CDATA", "<a><![CDATA[x]]></a>"],
    ["a DTD", "<!DOCTYPE a><a/>"],
    ["an unfinished tag", '<a b="x'],
    // SheetJS's regular expressions see tags inside comments and text up to the closing tag.
    ["a comment", "<!-- <a> --><a/>"],
    ["a processing instruction", '<?mso-application progid="Excel.Sheet"?><a/>'],
    ["markup inside text", "<a>x<b/>y</a>"],
    ["a closing tag with space before its >", "<a>x</a >"],
    ["a tab after a tag name", '<a\tb="1"/>'],
  ])("steps aside at %s", (_, xml) => {
    expect(() => {
      const scan = new XmlScanner(xml);
      while (scan.next()) if (scan.is("a") && !scan.selfClosing) scan.text();
    }).toThrow(NotPlainXml);
  });
});
