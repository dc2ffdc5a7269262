/**
 * Who changes in the sample files (imports/examples/generate.ts) and what is new in them, so
 * the generator and the test that imports them onto the demo agree. People are picked from
 * the demo data by what they have done, never by position, and never twice.
 */
import {
  DEMO_ORGANISATION,
  type DemoData,
  type DemoPerson,
} from "../../src/domain/demo-organisation";
import { unitIndexOn } from "../../src/services/demo/files";

/** The demo seeded on this day is the one the files continue (any later day ≤ 2026-12-31 fits too). */
export const EXAMPLES_DEMO_TODAY = "2026-11-25";

const FSK = { avdelning: "Avdelningen för förskola", avdelningCode: "FSK" };
const IFO = { avdelning: "Avdelningen för individ- och familjeomsorg", avdelningCode: "IFO" };
const ALD = { avdelning: "Avdelningen för äldreomsorg", avdelningCode: "ALD" };

const hire = (
  no: string,
  first: string,
  last: string,
  email: string,
  unit: typeof FSK & { enhet: string; code: string },
  title: string,
  from: string,
) => ({ no, first, last, email: `${email}@skarholmen.example.se`, ...unit, title, from });

export const EXAMPLES = {
  /** In the year-end list: a new unit with an en dash, a December hire, a January hire. */
  hires: [
    hire("101076", "Tove", "Lejon", "tove.lejon", { ...IFO, enhet: "Fältgruppen – ungdom", code: "IFO07" }, "Fältassistent", "2026-12-01"),
    hire("101077", "Vilgot", "Åkesson", "vilgot.akesson", { ...FSK, enhet: "Bredängs förskoleenhet", code: "FSK01" }, "Förskollärare", "2026-12-15"),
    hire("101078", "Warsan", "Warsame", "warsan.warsame", { ...ALD, enhet: "Hemtjänst Skärholmen", code: "ALD01" }, "Undersköterska", "2027-01-09"),
  ],
  moves: [
    { ...FSK, enhet: "Sätra förskoleenhet", code: "FSK02" },
    { ...IFO, enhet: "Vuxenenheten", code: "IFO03" },
  ],
  newSurname: "Lund",
  laterHire: hire("101079", "Märta", "Bäckström", "marta.backstrom", { ...FSK, enhet: "Sätra förskoleenhet", code: "FSK02" }, "Barnskötare", "2027-02-01"),
  laterMove: { enhet: "Hemtjänst Bredäng", code: "ALD02" },
};

const CODES = DEMO_ORGANISATION.flatMap((a) => a.children.map((e) => e.code));

export function examplePeople(data: DemoData) {
  const taken = new Set<string>();
  const events = (p: DemoPerson, course: string) =>
    data.events.filter((e) => e.employeeNo === p.employeeNo && e.courseId === course);
  const current = data.people.filter((p) => unitIndexOn(p, EXAMPLES_DEMO_TODAY) !== null);
  const code = (p: DemoPerson) => CODES[unitIndexOn(p, EXAMPLES_DEMO_TODAY)!];
  const pick = (n: number, test: (p: DemoPerson) => boolean): DemoPerson[] => {
    const found = current.filter((p) => !taken.has(p.employeeNo) && test(p)).slice(0, n);
    if (found.length < n) throw new Error("The demo data has too few people for the examples");
    for (const p of found) taken.add(p.employeeNo);
    return found;
  };
  const neverStarted = (p: DemoPerson) => events(p, "vbe-webb").length === 0;
  const one = (test: (p: DemoPerson) => boolean) => pick(1, test)[0]!;
  return {
    leavers: pick(3, neverStarted),
    movers: [one((p) => code(p) === "FSK01"), one((p) => code(p) === "IFO01")],
    renamed: one(() => true),
    export: {
      repeat: one((p) => events(p, "vbe-webb").some((e) => e.kind === "completed" && e.date < "2026")),
      completes: one((p) => {
        const e = events(p, "vbe-webb");
        return e.length > 0 && e.every((x) => x.kind === "started");
      }),
      starts: one(neverStarted),
      finishes: one(neverStarted),
      shouting: one(neverStarted),
      notStarted: pick(2, neverStarted),
      hire: one(() => true),
    },
    attendance: pick(3, (p) => !data.events.some((e) => e.employeeNo === p.employeeNo && e.courseId !== "vbe-webb" && e.date >= "2026")),
    laterLeaver: one(() => true),
    laterMover: one((p) => code(p) === "ALD01"),
  };
}

