import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOGUE } from "../../courses/catalogue";
import { courseTitleIndex, matchCourse, normaliseTitle } from "../../src/domain/titles";

describe("normaliseTitle", () => {
  it.each([
    ["Våldsbejakande extremism – webbutbildning", "våldsbejakande extremism - webbutbildning"],
    ["Våldsbejakande extremism - webbutbildning", "våldsbejakande extremism - webbutbildning"],
    ["Våldsbejakande extremism—webbutbildning", "våldsbejakande extremism - webbutbildning"],
    [
      "  VÅLDSBEJAKANDE   extremism  –  WEBBUTBILDNING ",
      "våldsbejakande extremism - webbutbildning",
    ],
    ["VBE\u00a0webbutbildning", "vbe webbutbildning"],
    ["Otillåten\tpåverkan", "otillåten påverkan"],
    // Decomposed å (a + ring) as some Mac exports write it.
    ["Otilla\u030aten påverkan", "otillåten påverkan"],
    ["ÖVRIGT", "övrigt"],
  ])("%j → %j", (input, expected) => {
    expect(normaliseTitle(input)).toBe(expected);
  });
});

describe("matchCourse against the default catalogue", () => {
  const index = courseTitleIndex(DEFAULT_CATALOGUE);
  it.each([
    ["Våldsbejakande extremism – webbutbildning", "vbe-webb"],
    ["våldsbejakande extremism - webbutbildning", "vbe-webb"],
    ["Webbutbildning om våldsbejakande extremism", "vbe-webb"],
    ["VBE webbutbildning", "vbe-webb"],
    ["vbe  WEBButbildning", "vbe-webb"],
    ["Fördjupad utbildning om våldsbejakande extremism", "vbe-fordjupning"],
    ["Fördjupningsutbildning VBE", "vbe-fordjupning"],
    ["Otillåten påverkan", "otillaten-paverkan"],
    ["Brandskydd grundkurs", null],
    ["", null],
  ])("%j → %s", (title, expected) => {
    expect(matchCourse(index, title)).toBe(expected);
  });
});
