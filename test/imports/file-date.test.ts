import { describe, expect, it } from "vitest";
import { dateInText, fileDateOf } from "../../imports/file-date";

describe("the date a staff file names", () => {
  it.each([
    [["Personalförteckning per 2019-12-31"], "2019-12-31"],
    [["Personal", "Utdrag 31.12.2019"], "2019-12-31"],
    [["Anställda 31 december 2025"], "2025-12-31"],
    [["Personalförteckning"], null],
    [["Utdrag 2019-13-45"], null],
  ])("%j → %s", (texts, date) => {
    expect(dateInText(texts)).toBe(date);
  });

  it.each([
    [null, "personal-2025-12-31.xlsx", { date: "2025-12-31", source: "filnamnet" }],
    [null, "Personal 20191231.csv", { date: "2019-12-31", source: "filnamnet" }],
    ["2019-12-31", "personal-2025-12-31.xlsx", { date: "2019-12-31", source: "rubrikraden" }],
    [null, "personal.xlsx", null],
    [null, "personal-20251399.csv", null],
  ])("title %s, file %s", (title, name, expected) => {
    expect(fileDateOf(title, name)).toEqual(expected);
  });
});
