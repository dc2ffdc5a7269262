import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOGUE } from "../../courses/catalogue";
import { parseCompletionRows } from "../../imports/completion-rows";
import type { Sheet } from "../../imports/read/types";
import { toTable } from "../../imports/table";
import { courseTitleIndex } from "../../src/domain/titles";

const index = courseTitleIndex(DEFAULT_CATALOGUE);
const parse = (rows: Array<Array<string | number | null>>) =>
  parseCompletionRows(
    toTable(
      {
        rows: rows.map((cells, i) => ({ row: i + 1, cells })),
        date1904: false,
        format: "t",
      } as Sheet,
      "kursexport",
    ),
    index,
  );

const HEADER = ["Namn", "E-post", "Kurs", "Status", "Startdatum", "Slutförd datum"];
const WEB = "Våldsbejakande extremism – webbutbildning";

describe("parseCompletionRows (export with Status)", () => {
  it.each([
    [
      ["Berg, Anna", "A@x.se", WEB, "Genomförd", "2025-03-04 10:15", "2025-03-05"],
      [
        ["started", "2025-03-04"],
        ["completed", "2025-03-05"],
      ],
    ],
    [
      ["Anna Berg", "a@x.se", "VBE webbutbildning", "Slutförd", null, "2025-03-05"],
      [["completed", "2025-03-05"]],
    ],
    [["Anna Berg", "a@x.se", WEB, "Påbörjad", "2025-03-04", null], [["started", "2025-03-04"]]],
    [["Anna Berg", "a@x.se", WEB, "In progress", 45720, null], [["started", "2025-03-04"]]],
    [
      ["Anna Berg", "a@x.se", WEB, null, "2025-03-04", "2025-03-06"],
      [
        ["started", "2025-03-04"],
        ["completed", "2025-03-06"],
      ],
    ],
  ])("%j → events %j", (row, events) => {
    const r = parse([HEADER, row]);
    expect(r.errors).toEqual([]);
    expect(r.rows[0]!.events.map((e) => [e.kind, e.date])).toEqual(events);
    expect(r.rows[0]!.courseId).toBe("vbe-webb");
    expect(r.kind).toBe("completions");
  });

  it("reads Ej genomförd as started when the row has a start date, else as no progress", () => {
    const r = parse([
      HEADER,
      ["A", "a@x.se", WEB, "Ej genomförd", "2025-03-01", null],
      ["B", "b@x.se", WEB, "Ej genomförd", null, null],
      ["C", "c@x.se", WEB, "Ej slutförd", "2025-04-02", null],
    ]);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.name, x.events])).toEqual([
      ["A", [{ kind: "started", date: "2025-03-01" }]],
      ["C", [{ kind: "started", date: "2025-04-02" }]],
    ]);
    expect(r.ignored).toBe(1);
  });

  it("reads an unknown status label from the row's dates", () => {
    const r = parse([
      HEADER,
      ["A", "a@x.se", WEB, "Certifierad", "2025-03-01", "2025-03-04"],
      ["B", "b@x.se", WEB, "Aktiv", "2025-03-02", null],
    ]);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.events.at(-1))).toEqual([
      { kind: "completed", date: "2025-03-04" },
      { kind: "started", date: "2025-03-02" },
    ]);
  });

  it("dates a completion without Slutförd datum by its start, and reads course titles with a year", () => {
    const r = parse([
      HEADER,
      ["A", "a@x.se", `${WEB} (2025)`, "Genomförd (100%)", "2025-03-04", null],
    ]);
    expect(r.errors).toEqual([]);
    expect(r.rows[0]!.courseId).toBe("vbe-webb");
    expect(r.rows[0]!.events).toEqual([
      { kind: "started", date: "2025-03-04" },
      { kind: "completed", date: "2025-03-04" },
    ]);
  });

  it("ignores Ej påbörjad rows, empty status without dates and courses outside the catalogue", () => {
    const r = parse([
      HEADER,
      ["A", "a@x.se", WEB, "Ej påbörjad", null, null],
      ["B", "b@x.se", WEB, "Not started", null, null],
      ["C", "c@x.se", WEB, null, null, null],
      ["D", "d@x.se", "Brandskydd grund", "Genomförd", "2025-01-01", "2025-01-01"],
      ["E", "e@x.se", WEB, "Klar", null, "2025-01-02"],
    ]);
    expect(r).toMatchObject({ ignored: 4, total: 5, errors: [] });
    expect(r.rows.map((x) => x.email)).toEqual(["e@x.se"]);
  });

  it.each([
    [
      ["A", "a@x.se", WEB, "Kanske", null, null],
      "Rad 2, kolumn Status: 'Kanske' är ingen känd status (t.ex. Påbörjad, Genomförd, Ej påbörjad)",
    ],
    [
      ["A", "a@x.se", WEB, "Genomförd", null, null],
      "Rad 2, kolumn Slutförd datum: datum saknas för en genomförd kurs",
    ],
    [
      ["A", "a@x.se", WEB, "Påbörjad", null, null],
      "Rad 2, kolumn Startdatum: startdatum saknas för en påbörjad kurs",
    ],
    [
      ["A", "a@x.se", WEB, "Genomförd", null, "31/02/2025"],
      "Rad 2, kolumn Slutförd datum: '31/02/2025' är inget datum",
    ],
    [["A", "a@x.se", null, "Genomförd", null, "2025-01-01"], "Rad 2, kolumn Kurs: kurs saknas"],
    [
      [null, null, WEB, "Genomförd", null, "2025-01-01"],
      "Rad 2: varken anställningsnummer, e-post eller namn",
    ],
  ])("reports %j", (row, message) => {
    expect(parse([HEADER, row]).errors).toEqual([{ row: 2, message }]);
  });
});

describe("parseCompletionRows (attendance list)", () => {
  it("reads a list without Status as completed on Datum", () => {
    const r = parse([
      ["Närvarolista – Fördjupad utbildning"],
      ["Namn", "E-post", "Utbildning", "Datum"],
      ["Leila Karimi", "l@x.se", "Fördjupningsutbildning VBE", 45944],
    ]);
    expect(r.kind).toBe("attendance");
    expect(r.rows).toEqual([
      expect.objectContaining({
        row: 3,
        name: "Leila Karimi",
        courseId: "vbe-fordjupning",
        events: [{ kind: "completed", date: "2025-10-14" }],
      }),
    ]);
  });

  it("takes the course and the date from the title rows when the table has neither", () => {
    const r = parse([
      ["Närvarolista: Otillåten påverkan, 2025-11-03"],
      ["Namn", "E-post", "Enhet"],
      ["Leila Karimi", "l@x.se", "Vuxenenheten"],
    ]);
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({
      courseId: "otillaten-paverkan",
      events: [{ kind: "completed", date: "2025-11-03" }],
    });
  });

  it.each([
    [["Namn", "E-post", "Status"], /Kurs/],
    [["Kurs", "Status", "Datum"], /identifierar personen/],
    [["Namn", "Kurs", "Kommentar"], /saknar både Status och datum/],
  ])("refuses header %j", (header, message) => {
    expect(() => parse([header, ["a", "b", "c"]])).toThrow(message);
  });
});
