import { describe, expect, it } from "vitest";
import { type StaffRow, staffStatus } from "../../src/domain/staff-status";

const row = (
  personId: number,
  lastName: string,
  startedOn: string | null,
  completedOn: string | null,
  unitName = "Enhet A",
  validFrom = "2020-01-01",
): StaffRow => ({
  personId,
  employeeNo: String(personId),
  firstName: "Test",
  lastName,
  email: null,
  title: null,
  unitName,
  unitCode: null,
  validFrom,
  extent: null,
  otherUnits: null,
  startedOn,
  completedOn,
});

describe("staffStatus as of 2025-12-31", () => {
  it.each<[string, StaffRow, [string, string | null, string | null]]>([
    ["nothing done", row(1, "A", null, null), ["not_started", null, null]],
    ["started", row(1, "A", "2025-03-01", null), ["started", "2025-03-01", null]],
    [
      "started then completed",
      row(1, "A", "2025-03-01", "2025-03-05"),
      ["completed", "2025-03-01", "2025-03-05"],
    ],
    [
      "completion after the date is hidden",
      row(1, "A", "2025-12-01", "2026-01-05"),
      ["started", "2025-12-01", null],
    ],
    [
      "everything after the date is hidden",
      row(1, "A", "2026-01-02", "2026-01-05"),
      ["not_started", null, null],
    ],
  ])("%s", (_c, input, [status, startedOn, completedOn]) => {
    const [s] = staffStatus([input], "2025-12-31");
    expect([s!.status, s!.startedOn, s!.completedOn]).toEqual([status, startedOn, completedOn]);
  });

  it("one row per person, units joined, earliest employment start", () => {
    const rows = staffStatus(
      [
        row(1, "Berg", null, null, "Enhet A", "2022-01-01"),
        row(1, "Berg", null, null, "Enhet B", "2019-05-01"),
      ],
      "2025-12-31",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ units: "Enhet A, Enhet B", employedFrom: "2019-05-01" });
  });

  it("orders not started, started, completed, then by surname (Swedish collation)", () => {
    const rows = staffStatus(
      [
        row(1, "Öberg", "2025-01-01", "2025-01-02"),
        row(2, "Åberg", null, null),
        row(3, "Berg", "2025-01-01", null),
        row(4, "Andersson", null, null),
        row(5, "Ödman", null, null),
      ],
      "2025-12-31",
    );
    expect(rows.map((r) => r.name)).toEqual([
      "Test Andersson",
      "Test Åberg",
      "Test Ödman",
      "Test Berg",
      "Test Öberg",
    ]);
  });

  it("keeps each post's extent and the note of units outside the list", () => {
    const rows = staffStatus(
      [
        { ...row(1, "Berg", null, null, "Enhet A"), extent: 50, otherUnits: "Nattpatrullen" },
        { ...row(1, "Berg", null, null, "Enhet B"), extent: 30, otherUnits: "Nattpatrullen" },
      ],
      "2025-12-31",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      units: "Enhet A, Enhet B",
      extents: [50, 30],
      otherUnits: "Nattpatrullen",
    });
  });
});
