import { describe, expect, it } from "vitest";
import { fieldOf, HEADER_SYNONYMS, headerKey } from "../../imports/headers";

describe("fieldOf", () => {
  it.each([
    ["Anställningsnummer", "employeeNo"],
    ["Anst.nr", "employeeNo"],
    ["ANST. NR", "employeeNo"],
    ["Personalnummer", "employeeNo"],
    ["Personnummer", "personnummer"],
    ["Förnamn", "firstName"],
    ["Efternamn", "lastName"],
    ["Namn", "name"],
    ["E-post", "email"],
    ["Epost", "email"],
    ["E-postadress:", "email"],
    ["Mail", "email"],
    ["Enhet", "unit"],
    ["Enhetskod", "unitCode"],
    ["Kostnadsställe", "unitCode"],
    ["Avdelning", "department"],
    ["Befattning", "title"],
    ["Anställningsdatum", "employmentDate"],
    ["Kurs", "course"],
    ["Kursnamn", "course"],
    ["Utbildning", "course"],
    ["Status", "status"],
    ["Startdatum", "startedOn"],
    ["Påbörjad datum", "startedOn"],
    ["Slutförd datum", "completedOn"],
    ["Genomförd datum", "completedOn"],
    ["Datum", "date"],
    ["Anställningsdatum (ÅÅÅÅ-MM-DD)", "employmentDate"],
    ["E-post (arbete)", "email"],
    ["Slutförd\ndatum", "completedOn"],
    ["Telefon", null],
    ["Personalförteckning per 2025-12-31", null],
  ])("%j → %s", (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });

  it("has no header that means two fields", () => {
    const seen = new Map<string, string>();
    for (const [field, names] of Object.entries(HEADER_SYNONYMS)) {
      for (const n of names) {
        const other = seen.get(headerKey(n));
        expect(other === undefined || other === field, `${n}: ${other} and ${field}`).toBe(true);
        seen.set(headerKey(n), field);
      }
    }
  });
});
