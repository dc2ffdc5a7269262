import { describe, expect, it } from "vitest";
import { type KnownPerson, type OpenEmployment, planStaffSnapshot } from "../../imports/staff-plan";
import type { StaffRow } from "../../imports/staff-rows";

const units = [
  { id: 1, code: "FSK", name: "Avdelningen för förskola", parentId: null },
  { id: 2, code: "FSK01", name: "Bredängs förskoleenhet", parentId: 1 },
  { id: 3, code: "FSK02", name: "Sätra förskoleenhet", parentId: 1 },
];
const person = (id: number, no: string, extra: Partial<KnownPerson> = {}): KnownPerson => ({
  id,
  employeeNo: no,
  firstName: `F${no}`,
  lastName: `L${no}`,
  email: `${no}@x.se`,
  ...extra,
});
const row = (no: string, extra: Partial<StaffRow> = {}): StaffRow => ({
  row: 2,
  employeeNo: no,
  firstName: `F${no}`,
  lastName: `L${no}`,
  email: `${no}@x.se`,
  unitName: "Bredängs förskoleenhet",
  unitCode: "FSK01",
  departmentName: "Avdelningen för förskola",
  departmentCode: null,
  title: "Lärare",
  employmentDate: "2019-01-01",
  extent: null,
  ...extra,
});
const open = (
  id: number,
  personId: number,
  unitId: number,
  validFrom = "2019-01-01",
): OpenEmployment => ({
  id,
  personId,
  unitId,
  title: "Lärare",
  validFrom,
});
const state = (
  people: KnownPerson[],
  employments: OpenEmployment[],
  lastEnd = new Map<number, string>(),
) => ({
  people,
  open: employments,
  units,
  lastEnd,
});

describe("planStaffSnapshot", () => {
  it.each([
    [
      "a new name for a known code renames the unit",
      ["Bredängs förskolor"],
      [{ id: 2, name: "Bredängs förskolor", before: "Bredängs förskoleenhet" }],
    ],
    ["the known name in other case or spacing is no rename", ["bredängs  förskoleenhet"], []],
    [
      "a code given several names (shared Kostnadsställe) keeps its name",
      ["Bredäng A", "Bredäng B"],
      [],
    ],
  ])("%s", (_, names, renames) => {
    const rows = names.map((unitName, i) => row(String(i + 1), { unitName }));
    const p = planStaffSnapshot(state([], []), rows, "2025-12-31");
    expect(p.unitRenames).toEqual(renames);
    expect(p.newUnits).toEqual([]);
  });

  it("creates new people from their Anställningsdatum (or the snapshot date)", () => {
    const p = planStaffSnapshot(
      state([], []),
      [row("1"), row("2", { employmentDate: null })],
      "2025-12-31",
    );
    expect(p.counts).toEqual({ created: 2, updated: 0, unchanged: 0, left: 0 });
    expect(p.opens.map((o) => [o.unit, o.validFrom])).toEqual([
      [{ id: 2 }, "2019-01-01"],
      [{ id: 2 }, "2025-12-31"],
    ]);
    expect(p.newUnits).toEqual([]);
  });

  it("never starts a newcomer on or before the previous snapshot, which did not list them", () => {
    const p = planStaffSnapshot(
      state([], []),
      [row("1"), row("2", { employmentDate: "2026-02-01" })],
      "2026-03-31",
      "2025-12-31",
    );
    expect(p.opens.map((o) => o.validFrom)).toEqual(["2026-01-01", "2026-02-01"]);
  });

  it("leaves an unchanged person alone", () => {
    const p = planStaffSnapshot(
      state([person(10, "1")], [open(100, 10, 2)]),
      [row("1")],
      "2025-12-31",
    );
    expect(p.counts).toEqual({ created: 0, updated: 0, unchanged: 1, left: 0 });
    expect([p.opens, p.closes, p.edits, p.personUpdates]).toEqual([[], [], [], []]);
  });

  it("moves: closes the day before and opens on the snapshot date", () => {
    const p = planStaffSnapshot(
      state([person(10, "1")], [open(100, 10, 2)]),
      [row("1", { unitCode: "FSK02", unitName: "Sätra förskoleenhet" })],
      "2026-03-01",
    );
    expect(p.counts.updated).toBe(1);
    expect(p.closes).toEqual([{ id: 100, validTo: "2026-02-28" }]);
    expect(p.opens).toEqual([
      {
        person: { id: 10 },
        unit: { id: 3 },
        title: "Lärare",
        extent: null,
        validFrom: "2026-03-01",
      },
    ]);
  });

  it("corrects in place a period that starts on or after the snapshot date", () => {
    const p = planStaffSnapshot(
      state([person(10, "1")], [open(100, 10, 2, "2026-03-01")]),
      [row("1", { unitCode: "FSK02", unitName: "Sätra förskoleenhet" })],
      "2026-03-01",
    );
    expect(p.closes).toEqual([]);
    expect(p.opens).toEqual([]);
    expect(p.edits).toEqual([expect.objectContaining({ id: 100, unit: { id: 3 } })]);
  });

  it("ends the employment of people missing from the snapshot, nothing else", () => {
    const p = planStaffSnapshot(
      state([person(10, "1"), person(11, "2")], [open(100, 10, 2), open(101, 11, 2)]),
      [row("1")],
      "2026-01-01",
    );
    expect(p.counts).toEqual({ created: 0, updated: 0, unchanged: 1, left: 1 });
    expect(p.closes).toEqual([{ id: 101, validTo: "2025-12-31" }]);
  });

  it("rehires someone who had left, from the new Anställningsdatum", () => {
    const p = planStaffSnapshot(
      state([person(10, "1")], [], new Map([[10, "2025-06-30"]])),
      [row("1", { employmentDate: "2025-11-01" })],
      "2025-12-31",
    );
    expect(p.counts.updated).toBe(1);
    expect(p.opens).toEqual([
      expect.objectContaining({ person: { id: 10 }, validFrom: "2025-11-01" }),
    ]);
  });

  it("updates changed names and e-mail, never blanks them", () => {
    const p = planStaffSnapshot(
      state([person(10, "1")], [open(100, 10, 2)]),
      [row("1", { lastName: "Lund", email: null })],
      "2025-12-31",
    );
    expect(p.personUpdates).toEqual([
      { id: 10, set: { lastName: "Lund" }, before: { lastName: "L1" } },
    ]);
  });

  it("plans missing units under their avdelning, once", () => {
    const p = planStaffSnapshot(
      state([], []),
      [
        row("1", { departmentName: "Ny avdelning", unitName: "Ny enhet", unitCode: "NY1" }),
        row("2", { departmentName: "Ny avdelning", unitName: "Ny enhet", unitCode: "NY1" }),
        row("3", {
          departmentName: "avdelningen för FÖRSKOLA",
          unitName: "Fältgruppen – ungdom",
          unitCode: null,
        }),
      ],
      "2025-12-31",
    );
    expect(p.newUnits).toEqual([
      { name: "Ny avdelning", code: null, parent: null },
      { name: "Ny enhet", code: "NY1", parent: { newIndex: 0 } },
      { name: "Fältgruppen – ungdom", code: null, parent: { id: 1 } },
    ]);
  });
});
