import { describe, expect, it } from "vitest";
import { type ReasonLookup, unmatchedReason } from "../../src/domain/unmatched-reason";

// Known: employee 100001; anna@x.se held by one person, delad@x.se by two.
const lookup: ReasonLookup = {
  employeeNoCount: (no) => (no === "100001" ? 1 : 0),
  emailCount: (e) => ({ "anna@x.se": 1, "delad@x.se": 2 })[e] ?? 0,
};

describe("unmatchedReason", () => {
  it.each([
    [
      null,
      null,
      "noKey",
      "Raden saknar både anställningsnummer och e-post, så den kan bara kopplas för hand.",
    ],
    [
      "999",
      null,
      "unknownNumber",
      "Anställningsnummer 999 finns inte bland de anställda, och raden har ingen e-post.",
    ],
    [
      null,
      "okand@x.se",
      "unknownEmail",
      "E-postadressen okand@x.se finns inte hos någon anställd.",
    ],
    [
      null,
      "delad@x.se",
      "sharedEmail",
      "E-postadressen delad@x.se delas av 2 personer och pekar inte ut någon.",
    ],
    [
      "999",
      "okand@x.se",
      "unknownNumberAndEmail",
      "Varken anställningsnummer 999 eller e-postadressen okand@x.se finns bland de anställda.",
    ],
    [
      "999",
      "delad@x.se",
      "unknownNumberSharedEmail",
      "Anställningsnummer 999 finns inte, och e-postadressen delad@x.se delas av 2 personer.",
    ],
    [
      "100001",
      null,
      "nowMatches",
      "Anställningsnummer 100001 finns nu bland de anställda: koppla raden.",
    ],
    [
      null,
      "anna@x.se",
      "nowMatches",
      "E-postadressen anna@x.se hör nu till en anställd: koppla raden.",
    ],
    [
      "",
      "",
      "noKey",
      "Raden saknar både anställningsnummer och e-post, så den kan bara kopplas för hand.",
    ],
  ] as const)("number %s, e-mail %s → %s", (employeeNo, email, kind, text) => {
    expect(unmatchedReason({ employeeNo, email }, lookup)).toEqual({ kind, text });
  });
});
