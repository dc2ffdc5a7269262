import { describe, expect, it } from "vitest";
import { ImportFileError, type Sheet } from "../../imports/read/types";
import { type RowError, RowReader, toTable } from "../../imports/table";

const sheet = (rows: Array<Array<string | number | null>>): Sheet => ({
  rows: rows.map((cells, i) => ({ row: i + 1, cells })),
  date1904: false,
  format: "test",
});

describe("toTable", () => {
  it("decides day or month first once for the whole file", () => {
    const t = toTable(
      sheet([
        ["Namn", "Kurs", "Startdatum", "Slutförd datum"],
        ["Åsa Öberg", "VBE", "3/25/2025", "4/3/2025"],
      ]),
      "kursfil",
    );
    const errors: RowError[] = [];
    const r = new RowReader(t, t.rows[0]!, errors);
    // 3/25/2025 only reads month first, so the other column's 4/3/2025 is 3 April too.
    expect([r.date("startedOn"), r.date("completedOn")]).toEqual(["2025-03-25", "2025-04-03"]);
    expect(errors).toEqual([]);
  });

  it("finds the header below title rows and maps known columns", () => {
    const t = toTable(
      sheet([
        ["Personalförteckning"],
        ["Per 2025-12-31", null],
        ["Anst.nr", "Förnamn", "Telefon", "Personnummer", "E-post"],
        ["100001", "Anna", "08-123", "19800101-1234", "a@x.se"],
      ]),
      "personalförteckning",
    );
    expect(t.headerRow).toBe(3);
    expect(t.columns.employeeNo).toEqual({ index: 0, label: "Anst.nr" });
    expect(t.columns.email).toEqual({ index: 4, label: "E-post" });
    expect(t.columns).not.toHaveProperty("personnummer");
    expect(t.rows.map((r) => r.row)).toEqual([4]);
  });

  it("never keeps a personnummer in the raw row, named or not", () => {
    const t = toTable(
      sheet([
        ["Namn", "Kurs", "Pnr", "Övrigt"],
        ["Anna", "VBE", "198001011234", "800101-1234"],
      ]),
      "kursexport",
    );
    const errors: RowError[] = [];
    expect(new RowReader(t, t.rows[0]!, errors).raw()).toEqual({ Namn: "Anna", Kurs: "VBE" });
  });

  it("drops a lone note or total below the table", () => {
    const t = toTable(
      sheet([
        ["Anst.nr", "Namn", "Enhet"],
        ["1", "Anna Berg", "X"],
        ["Antal anställda: 1", null, null],
      ]),
      "personalförteckning",
    );
    expect(t.rows.map((r) => r.row)).toEqual([2]);
  });

  it("refuses a file without a recognisable header", () => {
    expect(() =>
      toTable(
        sheet([
          ["a", "b"],
          ["1", "2"],
        ]),
        "personalförteckning",
      ),
    ).toThrow(ImportFileError);
    expect(() => toTable(sheet([["a", "b"]]), "personalförteckning")).toThrow(
      /Hittar ingen rubrikrad/,
    );
  });
});

describe("RowReader", () => {
  it("reports bad dates with row, column label and value", () => {
    const t = toTable(
      sheet([["Titel"], ["Anst.nr", "Anställningsdatum"], ["1", "31/02/2019"], ["2", 43466]]),
      "personalförteckning",
    );
    const errors: RowError[] = [];
    expect(new RowReader(t, t.rows[0]!, errors).date("employmentDate")).toBeNull();
    expect(new RowReader(t, t.rows[1]!, errors).date("employmentDate")).toBe("2019-01-01");
    expect(errors).toEqual([
      { row: 3, message: "Rad 3, kolumn Anställningsdatum: '31/02/2019' är inget datum" },
    ]);
  });

  it("reads Excel numbers as text the way they were typed", () => {
    const t = toTable(
      sheet([
        ["Anst.nr", "Namn"],
        [100001, "  Anna\u00a0 Berg "],
      ]),
      "x",
    );
    const r = new RowReader(t, t.rows[0]!, []);
    expect(r.text("employeeNo")).toBe("100001");
    expect(r.text("name")).toBe("Anna Berg");
  });
});
