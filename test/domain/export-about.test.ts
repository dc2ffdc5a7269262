import { describe, expect, it } from "vitest";
import type { AnnualFigures } from "../../src/domain/annual";
import { aboutRows, type ExportAbout, stockholmDateTime } from "../../src/domain/export-about";

const figures = (headcount: number, reached: number): AnnualFigures => ({
  headcount,
  reached,
  completed: 0,
  reachedInYear: 0,
  deepened: 0,
});

const base: ExportAbout = {
  kind: "annual",
  title: "Årsrapport 2025",
  course: "Våldsbejakande extremism – webbutbildning",
  selection: "Hela förvaltningen",
  asOf: "2025-12-31",
  exportedAt: new Date("2026-07-01T12:05:00Z"),
  exportedBy: "Lena Ledning (lena@x.se)",
};

const value = (rows: ReturnType<typeof aboutRows>, label: string) =>
  rows.find((r) => r[0] === label)?.[1];

describe("stockholmDateTime", () => {
  it.each([
    ["2026-07-01T12:05:00Z", "2026-07-01 14:05"],
    ["2026-01-15T23:30:00Z", "2026-01-16 00:30"],
  ])("%s → %s", (instant, shown) => {
    expect(stockholmDateTime(new Date(instant))).toBe(shown);
  });
});

describe("aboutRows", () => {
  const locked = {
    lockedAt: "2026-01-15T08:30:00.000Z",
    lockedBy: "Lena Ledning",
    sentence: "Under året har 240 medarbetare …",
    figures: figures(1000, 240),
  };
  it.each([
    ["no lock entry outside the organisation's annual report", undefined, undefined, undefined],
    ["not locked", null, "Nej, årsrapporten är inte låst.", undefined],
    [
      "locked and unchanged",
      { locked, current: figures(1000, 240) },
      "Ja, 2026-01-15 09:30 av Lena Ledning. Rapporten visar de låsta siffrorna.",
      "Beräknat på dagens data blir siffrorna desamma som de låsta.",
    ],
    [
      "locked, data corrected since",
      { locked, current: figures(998, 242) },
      "Ja, 2026-01-15 09:30 av Lena Ledning. Rapporten visar de låsta siffrorna.",
      "Uppgifterna har rättats sedan låsningen; den låsta siffran gäller. Beräknat på dagens data: 242 nådda av 998 anställda (+2 nådda, −2 anställda mot det låsta).",
    ],
  ])("%s", (_, lock, lockedText, comparison) => {
    const rows = aboutRows({ ...base, lock }, ["Enhet", "Anställda"]);
    expect(value(rows, "Exporterad")).toBe("2026-07-01 14:05 (svensk tid)");
    expect(value(rows, "Låst")).toBe(lockedText);
    expect(value(rows, "Beräknat nu")).toBe(comparison);
  });

  it("explains the columns it is given, the staff list's Enhet per person", () => {
    const header = ["Enhet", "Förändring nådda mot 2024", "Okänd kolumn"];
    const annual = aboutRows(base, header);
    expect(value(annual, "Enhet")).toMatch(/^Enheten\. Första raden är summan/);
    expect(value(annual, "Förändring nådda mot 2024")).toMatch(/per 2024-12-31/);
    expect(value(annual, "Okänd kolumn")).toBeNull();
    expect(value(aboutRows({ ...base, kind: "staff" }, header), "Enhet")).toMatch(/där personen/);
  });
});
