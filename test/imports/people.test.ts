import { describe, expect, it } from "vitest";
import {
  linkKeys,
  normaliseEmail,
  normaliseEmployeeNo,
  normaliseName,
  splitName,
} from "../../imports/people";

describe("splitName", () => {
  it.each([
    ["Anna Berg", "Anna", "Berg"],
    ["Berg, Anna", "Anna", "Berg"],
    ["Anna Maria Berg", "Anna Maria", "Berg"],
    ["af Klint,  Hilma", "Hilma", "af Klint"],
    ["  Berg  ", "", "Berg"],
  ])("%j → %s | %s", (name, firstName, lastName) => {
    expect(splitName(name)).toEqual({ firstName, lastName });
  });
});

describe("normaliseName", () => {
  it("gives one form for both orders", () => {
    expect(normaliseName("Berg, Anna")).toBe("anna berg");
    expect(normaliseName("ANNA   berg")).toBe("anna berg");
  });
});

describe("normaliseEmail", () => {
  it.each([
    [" Anna.Berg@Example.SE ", "anna.berg@example.se"],
    ["mailto:a@b.se", "a@b.se"],
    ["<a@b.se>", "a@b.se"],
    ["inte en adress", ""],
    ["", ""],
  ])("%j → %j", (input, out) => {
    expect(normaliseEmail(input)).toBe(out);
  });
});

describe("normaliseEmployeeNo", () => {
  it.each([
    ["000123", "123"],
    [" 100 001 ", "100001"],
    ["0", "0"],
    ["A-0012", "A-0012"],
  ])("%j → %j", (input, out) => {
    expect(normaliseEmployeeNo(input)).toBe(out);
  });
});

describe("linkKeys", () => {
  it("prefers e-mail, then name", () => {
    expect(linkKeys({ email: "a@b.se", name: "Berg, Anna" })).toEqual([
      "email:a@b.se",
      "name:anna berg",
    ]);
    expect(linkKeys({ email: "", name: "" })).toEqual([]);
  });
});
