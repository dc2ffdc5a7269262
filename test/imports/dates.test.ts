import { describe, expect, it } from "vitest";
import { detectSlashOrder, fromExcelSerial, parseDate } from "../../imports/dates";

describe("parseDate", () => {
  it.each([
    [45720, "2025-03-04"],
    [45720.427, "2025-03-04"], // 10:15 on the same day
    [61, "1900-03-01"],
    [20250304, "2025-03-04"],
    ["2025-03-04", "2025-03-04"],
    ["2025-3-4", "2025-03-04"],
    ["2025-03-04 10:15", "2025-03-04"],
    ["2025-03-04T10:15:00Z", "2025-03-04"],
    ["2025-03-04 10:15:32", "2025-03-04"],
    ["2025/03/04", "2025-03-04"],
    ["2025-03-04T23:30:00Z", "2025-03-05"],
    ["2025-03-04T10:00:00+01:00", "2025-03-04"],
    ["2025-06-30T22:30:00.000Z", "2025-07-01"],
    ["20250304", "2025-03-04"],
    ["4.3.2025", "2025-03-04"],
    ["4/3/2025", "2025-03-04"],
    ["04-03-2025", "2025-03-04"],
    ["4 mars 2025", "2025-03-04"],
    ["4 Mar 2025", "2025-03-04"],
    ["  2025-03-04  ", "2025-03-04"],
    [null, null],
    ["", null],
    ["   ", null],
  ])("%j → %j", (cell, iso) => {
    expect(parseDate(cell)).toBe(iso);
  });

  it.each([
    ["31/02/2019"],
    ["2019-02-29"],
    ["igår"],
    ["4 smurf 2025"],
    ["12345"],
    [-3],
    ["0000-01-01"],
    [3e6],
  ])("%j is not a date", (cell) => {
    expect(parseDate(cell)).toBeUndefined();
  });

  it("reads slashes month first when the column says so", () => {
    expect(parseDate("3/4/2025", { slashOrder: "mdy" })).toBe("2025-03-04");
    expect(parseDate("3/4/2025", { slashOrder: "dmy" })).toBe("2025-04-03");
  });

  it("uses the 1904 date system when the workbook does", () => {
    expect(fromExcelSerial(0 + 44258, true)).toBe("2025-03-04");
  });
});

describe("detectSlashOrder", () => {
  it.each([
    [["4/3/2025", "1/2/2025"], "dmy"],
    [["4/3/2025", "25/3/2025"], "dmy"],
    [["4/3/2025", "3/25/2025"], "mdy"],
    [["25/3/2025", "3/25/2025"], "dmy"],
    [[45720, "2025-03-04", null], "dmy"],
  ] as const)("%j → %s", (cells, order) => {
    expect(detectSlashOrder(cells)).toBe(order);
  });
});
