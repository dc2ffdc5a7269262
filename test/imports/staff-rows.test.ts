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

const HEADER = [
  "Anst.nr",
  "Förnamn",
  "Efternamn",
  "E-post",
  "Avdelning",
  "Enhet",
  "Enhetskod",
  "Befattning",
  "Anställningsdatum",
];

describe("parseStaffRows", () => {
  it("reads a person per row, lower-casing e-mail", () => {
    const r = parseStaffRows(
      table([
        HEADER,
        ["007", "Anna", "Berg", " Anna.Berg@X.se", "Avd", "Enh", "E1", "Lärare", 43466],
      ]),
    );
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      {
        row: 2,
        employeeNo: "7",
        firstName: "Anna",
        lastName: "Berg",
        email: "anna.berg@x.se",
        unitName: "Enh",
        unitCode: "E1",
        departmentName: "Avd",
        departmentCode: null,
        title: "Lärare",
        employmentDate: "2019-01-01",
        extent: null,
      },
    ]);
  });

  it("splits a single Namn column in either order", () => {
    const r = parseStaffRows(
      table([
        ["Anst.nr", "Namn", "Enhet"],
        ["1", "Berg, Anna", "X"],
        ["2", "Bo Ek", "X"],
      ]),
    );
    expect(r.rows.map((p) => [p.firstName, p.lastName])).toEqual([
      ["Anna", "Berg"],
      ["Bo", "Ek"],
    ]);
  });

  it.each([
    [
      ["", "Anna", "Berg", "", "", "Enh", "", "", ""],
      "Rad 2, kolumn Anst.nr: anställningsnummer saknas",
    ],
    [["1", "", "", "", "", "Enh", "", "", ""], "Rad 2, kolumn Efternamn: namn saknas"],
    [["1", "Anna", "Berg", "", "", "", "", "", ""], "Rad 2, kolumn Enhet: enhet saknas"],
    [
      ["1", "Anna", "Berg", "", "", "Enh", "", "", "31/02/2019"],
      "Rad 2, kolumn Anställningsdatum: '31/02/2019' är inget datum",
    ],
  ])("reports %j as %j", (row, message) => {
    const r = parseStaffRows(table([HEADER, row.map((c) => (c === "" ? null : c))]));
    expect(r.errors).toEqual([{ row: 2, message }]);
    expect(r.rows).toEqual([]);
  });

  it("keeps a placeholder or broken e-mail as none, without an error", () => {
    const r = parseStaffRows(
      table([
        HEADER,
        ["1", "A", "B", "-", null, "E", null, null, null],
        ["2", "C", "D", "anna(at)x.se", null, "E", null, null, null],
      ]),
    );
    expect(r.errors).toEqual([]);
    expect(r.rows.map((p) => p.email)).toEqual([null, null]);
  });

  it("places someone without Enhet in their Avdelning", () => {
    const r = parseStaffRows(
      table([
        HEADER,
        ["1", "A", "B", null, "Avdelningen för förskola", null, null, "Avdelningschef", null],
      ]),
    );
    expect(r.rows[0]).toMatchObject({ unitName: "Avdelningen för förskola", departmentName: null });
  });

  it("accepts an identical duplicate, refuses two people under one number", () => {
    const same = parseStaffRows(
      table([
        HEADER,
        ["1", "A", "B", null, null, "E", null, null, null],
        ["1", "A", "B", null, null, "E", null, null, null],
      ]),
    );
    expect(same.errors).toEqual([]);
    expect(same.rows).toHaveLength(1);
    const conflict = parseStaffRows(
      table([
        HEADER,
        ["1", "A", "B", null, null, "E", null, null, null],
        ["1", "C", "B", null, null, "F", null, null, null],
      ]),
    );
    expect(conflict.errors).toEqual([
      {
        row: 3,
        message:
          "Rad 3, kolumn Anst.nr: 1 finns också på rad 2 med andra uppgifter; låt varje person stå på en rad (har någon två tjänster, behåll huvudtjänsten)",
      },
    ]);
  });

  it.each([
    [["Förnamn", "Efternamn", "Enhet"], /Anställningsnummer/],
    [["Anst.nr", "Förnamn", "Efternamn"], /Enhet/],
    [["Anst.nr", "Enhet", "Befattning"], /namn/],
  ])("refuses a file whose header lacks a required column: %j", (header, message) => {
    expect(() => parseStaffRows(table([header, ["1", "2", "3"]]))).toThrow(message);
  });
});
