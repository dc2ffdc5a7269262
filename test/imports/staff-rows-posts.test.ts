import { describe, expect, it } from "vitest";
import type { Sheet } from "../../imports/read/types";
import { parseStaffRows } from "../../imports/staff-rows";
import { toTable } from "../../imports/table";

const table = (rows: Array<Array<string | number | null>>) =>
  toTable(
    {
      rows: rows.map((cells, i) => ({ row: i + 1, cells })),
      date1904: false,
      format: "t",
    } as Sheet,
    "personalförteckning",
  );

const HEADER = ["Anst.nr", "Förnamn", "Efternamn", "E-post", "Enhet", "Befattning", "Omfattning"];
const row = (
  unit: string,
  extent: string | number | null,
  more: Partial<{ name: string; email: string; title: string }> = {},
) => [
  "900001",
  more.name ?? "Anna",
  "Berg",
  more.email ?? "anna.berg@stockholm.se",
  unit,
  more.title ?? "Undersköterska",
  extent,
];

describe("parseStaffRows: one row per post", () => {
  it("keeps two posts of one person as two rows with their extents", () => {
    const r = parseStaffRows(
      table([HEADER, row("Hemtjänst Bredäng", "50 %"), row("Nattpatrullen", "0,5")]),
    );
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.employeeNo, x.unitName, x.extent])).toEqual([
      ["900001", "Hemtjänst Bredäng", 50],
      ["900001", "Nattpatrullen", 50],
    ]);
  });

  it("keeps two titles in one unit as two posts; extents may add up to more than 100 %", () => {
    const r = parseStaffRows(
      table([HEADER, row("Bredäng", 80), row("Bredäng", 40, { title: "Samordnare" })]),
    );
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.extent)).toEqual([80, 40]);
  });

  it("reads an identical repeated row once", () => {
    const r = parseStaffRows(table([HEADER, row("Bredäng", 50), row("Bredäng", 50)]));
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(1);
  });

  it.each([
    ["another name", row("Nattpatrullen", 50, { name: "Anders" })],
    ["another e-mail", row("Nattpatrullen", 50, { email: "anders@stockholm.se" })],
  ])("refuses two people under one number (%s) with the existing message", (_, second) => {
    const r = parseStaffRows(table([HEADER, row("Bredäng", 50), second]));
    expect(r.errors).toEqual([
      {
        row: 3,
        message:
          "Rad 3, kolumn Anst.nr: 900001 finns också på rad 2 med andra uppgifter; låt varje person stå på en rad (har någon två tjänster, behåll huvudtjänsten)",
      },
    ]);
    expect(r.rows).toHaveLength(1);
  });

  it("refuses the same post twice with different extents", () => {
    const r = parseStaffRows(table([HEADER, row("Bredäng", 50), row("Bredäng", 75)]));
    expect(r.errors.map((e) => e.message)).toEqual([
      "Rad 3, kolumn Anst.nr: 900001 har samma tjänst (enhet och befattning) på rad 2 men annat anställningsdatum eller annan sysselsättningsgrad; låt varje tjänst stå på en rad",
    ]);
  });

  it.each([
    ["Sysselsättningsgrad", "heltid", "'heltid' är ingen sysselsättningsgrad"],
    ["Tjänstgöringsgrad", "150 %", "'150 %' är ingen sysselsättningsgrad"],
  ])("reads the %s column and refuses %s", (header, cell, message) => {
    const r = parseStaffRows(table([[...HEADER.slice(0, 6), header], row("Bredäng", cell)]));
    expect(r.errors[0]?.message).toContain(message);
  });

  it("leaves the extent empty without the column or with an empty cell", () => {
    const r = parseStaffRows(table([HEADER, row("Bredäng", null)]));
    expect(r.rows[0]?.extent).toBeNull();
  });
});
