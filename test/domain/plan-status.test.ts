import { describe, expect, it } from "vitest";
import { PLAN_AREAS as SCHEMA_AREAS, PLAN_STATUSES as SCHEMA_STATUSES } from "../../db/schema";
import { PLAN_AREAS, planAreaOf } from "../../src/domain/plan-areas";
import { PLAN_STATUSES, parseStatusCell, planStatusOf } from "../../src/domain/plan-status";

describe("planStatusOf: every spelling the issue lists", () => {
  it.each([
    ["Genomförd", "Genomförd"],
    ["Genomfört", "Genomförd"],
    ["genomfört", "Genomförd"],
    ["GENOMFÖRD", "Genomförd"],
    ["Genomförd   ", "Genomförd"],
    ["  genomfört\u00a0", "Genomförd"],
    ["Delvis genomförd", "Delvis genomförd"],
    ["Delvis genomfört", "Delvis genomförd"],
    ["delvis  Genomfört ", "Delvis genomförd"],
    ["Pågående", "Pågående"],
    ["Pågår", "Pågående"],
    ["pågår ", "Pågående"],
    ["Planerad", "Planerad"],
    ["Planeras", "Planerad"],
    ["PLANERAS", "Planerad"],
    ["Ej genomförd", "Ej genomförd"],
    ["Inte genomförd", "Ej genomförd"],
    ["ej genomfört", "Ej genomförd"],
    ["Skjuts fram", "Ej genomförd"],
    ["skjuts fram ", "Ej genomförd"],
    ["Genomförd.", "Genomförd"],
  ])("%j → %s", (word, status) => {
    expect(planStatusOf(word)).toBe(status);
  });

  it.each([["Klart snart"], ["Genomföras"], ["OK"], [""], ["Löpande"]])(
    "%j is not a status",
    (word) => {
      expect(planStatusOf(word)).toBeNull();
    },
  );
});

describe("parseStatusCell: the status word first, a comment after it", () => {
  it.each([
    ["Genomförd", "Genomförd", ""],
    ["Skjuts fram", "Ej genomförd", "Skjuts fram"],
    [
      "Genomförd. Alla chefer har gått utbildningen.",
      "Genomförd",
      "Alla chefer har gått utbildningen.",
    ],
    ["Delvis genomförd – fortsätter 2020", "Delvis genomförd", "fortsätter 2020"],
    ["Delvis genomfört: två av tre skolor", "Delvis genomförd", "två av tre skolor"],
    ["Pågår\nMöten varannan månad", "Pågående", "Möten varannan månad"],
    ["Skjuts fram till 2020", "Ej genomförd", "Skjuts fram till 2020"],
    ["Pågår under hösten", "Pågående", "Pågår under hösten"],
    ["Ej genomförd (resursbrist)", "Ej genomförd", "(resursbrist)"],
    ["genomfört, se bilaga", "Genomförd", "se bilaga"],
    ["Pågående arbete med skolorna", "Pågående", "Pågående arbete med skolorna"],
  ])("%j → %s + %j", (cell, status, comment) => {
    expect(parseStatusCell(cell)).toEqual({ status, comment });
  });

  it.each([["Genomförda utbildningar saknas"], ["Klar snart"], ["Oklart"], ["2019"]])(
    "%j has no status word of its own: null (a row error)",
    (cell) => {
      expect(parseStatusCell(cell)).toBeNull();
    },
  );
});

describe("planAreaOf", () => {
  it.each([
    ["Organisation", "Organisation"],
    ["lägesbild", "Lägesbild"],
    ["Förebyggande", "Förebyggande"],
    ["Förhindrande", "Förhindrande"],
    ["Förhinderande/agerande", "Förhindrande"],
    ["Förhindrande / agerande", "Förhindrande"],
    ["Föreningsbidrag och lokaler", "Föreningsbidrag och lokaler"],
    ["Föreningsbidrag & lokaler", "Föreningsbidrag och lokaler"],
    ["Kompetenshöjande/Utbildning", "Kompetenshöjande"],
    ["Kompetenshöjande", "Kompetenshöjande"],
    ["Uppföljning", "Uppföljning"],
  ])("%j → %s", (text, area) => {
    expect(planAreaOf(text)).toBe(area);
  });

  it("knows no made-up area", () => {
    expect(planAreaOf("Övrigt")).toBeNull();
  });
});

describe("the lists agree with db/schema.ts", () => {
  it("statuses and areas", () => {
    expect([...PLAN_STATUSES]).toEqual([...SCHEMA_STATUSES]);
    expect([...PLAN_AREAS]).toEqual([...SCHEMA_AREAS]);
  });
});
