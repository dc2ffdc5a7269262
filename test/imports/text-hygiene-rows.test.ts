/** Text hygiene as the row readers apply it: staff lists and completion exports. */
import { describe, expect, it } from "vitest";
import { parseCompletionRows } from "../../imports/completion-rows";
import type { Sheet } from "../../imports/read/types";
import { parseStaffRows } from "../../imports/staff-rows";
import { toTable } from "../../imports/table";

const table = (rows: Array<Array<string | number | null>>, kind = "personalförteckning") =>
  toTable(
    {
      rows: rows.map((cells, i) => ({ row: i + 1, cells })),
      date1904: false,
      format: "t",
    } as Sheet,
    kind,
  );

const HEADER = ["Anst.nr", "Förnamn", "Efternamn", "E-post", "Enhet"];

describe("text hygiene in the staff reader", () => {
  it("stores NFC, without bidi overrides, zero-width or control characters", () => {
    const r = parseStaffRows(
      table([
        HEADER,
        ["1", "A\u030asa", "E\u200bk", "A\u030aSA.EK@x.se", "F\u00f6rskolan\u202e Solen"],
        ["2", "\u001b[31mRöd", "Ri\u2067dd\u2069are", "r@x.se", "Skolan\u0000"],
      ]),
    );
    expect(r.errors).toEqual([]);
    expect(r.rows.map((p) => [p.firstName, p.lastName, p.email, p.unitName])).toEqual([
      ["Åsa", "Ek", "åsa.ek@x.se", "Förskolan Solen"],
      ["[31mRöd", "Riddare", "r@x.se", "Skolan"],
    ]);
    // An NFD "Åsa" is the same text as a precomposed one, so she is one person.
    expect(r.rows[0]!.firstName).toBe("\u00c5sa");
  });

  it("refuses a 10 000-character name with a row error that says the limit", () => {
    const r = parseStaffRows(table([HEADER, ["1", "A".repeat(10_000), "Berg", "", "Enh"]]));
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([
      {
        row: 2,
        message: "Rad 2, kolumn Förnamn: texten är för lång (10\u00a0000 tecken, högst 100)",
      },
    ]);
  });

  it("says each over-long field once, and a name column read twice is one error", () => {
    const r = parseStaffRows(
      table([
        ["Anst.nr", "Namn", "Enhet"],
        ["1", "x".repeat(300), "u".repeat(201)],
      ]),
    );
    expect(r.errors.map((e) => e.message)).toEqual([
      "Rad 2, kolumn Namn: texten är för lång (300 tecken, högst 200)",
      "Rad 2, kolumn Enhet: texten är för lång (201 tecken, högst 200)",
    ]);
  });
});

describe("text hygiene in the completion reader", () => {
  const index = new Map([["vbe webbutbildning", "vbe-webb"]]);
  it("cleans the name, e-mail and the raw row kept for the unmatched queue", () => {
    const r = parseCompletionRows(
      table(
        [
          ["Namn", "E-post", "Kurs", "Status", "Slutförd datum", "Kommentar"],
          [
            "O\u0308rjan \u202eNilsson",
            "o\u0308rjan@x.se",
            "VBE webbutbildning",
            "Genomförd",
            "2025-03-01",
            "ok\u001b[2J",
          ],
        ],
        "kursexport",
      ),
      index,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({ name: "Örjan Nilsson", email: "örjan@x.se" });
    expect(r.rows[0]!.raw).toEqual({
      Namn: "Örjan Nilsson",
      "E-post": "örjan@x.se",
      Kurs: "VBE webbutbildning",
      Status: "Genomförd",
      "Slutförd datum": "2025-03-01",
      Kommentar: "ok[2J",
    });
  });
});
