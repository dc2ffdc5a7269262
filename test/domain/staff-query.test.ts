import { describe, expect, it } from "vitest";
import {
  DEFAULT_STAFF_QUERY,
  describeStaffFilter,
  filterStaff,
  queryStaff,
  type SortDirection,
  STAFF_SORTS,
  type StaffQuery,
  sortStaff,
} from "../../src/domain/staff-query";
import type { StaffStatus } from "../../src/domain/staff-status";

function person(
  personId: number,
  firstName: string,
  lastName: string,
  more: Partial<StaffStatus> = {},
): StaffStatus {
  return {
    personId,
    employeeNo: String(1000 + personId),
    name: `${firstName} ${lastName}`,
    firstName,
    lastName,
    email: `${firstName}.${lastName}@exempel.se`.toLowerCase(),
    title: "Förskollärare",
    units: "Bredängs förskoleenhet",
    extents: [],
    otherUnits: null,
    employedFrom: "2020-01-01",
    status: "not_started",
    startedOn: null,
    completedOn: null,
    ...more,
  };
}

// Six people a reader can sort by hand.
const STAFF: StaffStatus[] = [
  person(1, "Åsa", "Öberg", {
    status: "completed",
    startedOn: "2025-02-01",
    completedOn: "2025-02-03",
  }),
  person(2, "Anna", "Andersson", { employeeNo: "0007", title: "Barnskötare" }),
  person(3, "Bo", "Zetterlund", { status: "started", startedOn: "2025-05-10", title: null }),
  person(4, "Cecilia", "Andersson", { email: null, units: "Sätra förskoleenhet" }),
  person(5, "David", "Ek", {
    status: "completed",
    startedOn: "2025-01-15",
    completedOn: "2025-04-01",
    employeeNo: null,
  }),
  person(6, "Eva", "Älg", { status: "started", startedOn: "2025-03-01" }),
];

const ids = (rows: StaffStatus[]) => rows.map((r) => r.personId);

describe("sortStaff", () => {
  it.each<[string, SortDirection, number[]]>([
    // Not started, started, completed; within each by surname (Swedish: Z < Å < Ä < Ö).
    ["status", "stigande", [2, 4, 3, 6, 5, 1]],
    ["status", "fallande", [5, 1, 3, 6, 2, 4]],
    ["namn", "stigande", [2, 4, 5, 3, 6, 1]],
    ["namn", "fallande", [1, 6, 3, 5, 4, 2]],
    // "0007" < "1001" …; no number last.
    ["anstnr", "stigande", [2, 1, 3, 4, 6, 5]],
    ["anstnr", "fallande", [6, 4, 3, 1, 2, 5]],
    // Ties (same unit) fall back to the name.
    ["enhet", "stigande", [2, 5, 3, 6, 1, 4]],
    ["befattning", "stigande", [2, 4, 5, 6, 1, 3]],
    // Nobody without a date comes first, whatever the direction.
    ["paborjad", "stigande", [5, 1, 6, 3, 2, 4]],
    ["paborjad", "fallande", [3, 6, 1, 5, 2, 4]],
    ["genomford", "fallande", [5, 1, 2, 4, 3, 6]],
    // An unknown key sorts like the default (the route refuses it before this).
    ["okänd", "stigande", [2, 4, 3, 6, 5, 1]],
  ])("by %s %s", (sort, direction, expected) => {
    expect(ids(sortStaff(STAFF, sort, direction))).toEqual(expected);
  });

  it("takes an extra sort key from the caller (e.g. a requirement status)", () => {
    const withOverdue = STAFF.map((r) => ({ ...r, overdue: r.personId % 2 === 0 }));
    const sorts = {
      ...STAFF_SORTS,
      krav: {
        compare: (a: (typeof withOverdue)[0], b: (typeof withOverdue)[0]) =>
          Number(b.overdue) - Number(a.overdue),
      },
    };
    expect(ids(sortStaff(withOverdue, "krav", "stigande", sorts))).toEqual([2, 4, 6, 5, 3, 1]);
  });
});

describe("filterStaff", () => {
  it.each<[string, string, boolean, number[]]>([
    ["everyone", "", false, [1, 2, 3, 4, 5, 6]],
    ["only not started", "", true, [2, 4]],
    ["a surname, any case", "andersson", false, [2, 4]],
    ["Swedish letters, case folded", "ÖBERG", false, [1]],
    ["every word must match, in any order", "andersson cecilia", false, [4]],
    ["an employee number with leading zeros", "0007", false, [2]],
    ["part of an e-mail address", "eva.älg@", false, [6]],
    ["a unit", "sätra", false, [4]],
    ["a title", "barnsköt", false, [2]],
    ["search and not started together", "andersson", true, [2, 4]],
    ["extra spaces are ignored", "  anna   andersson ", false, [2]],
    ["nothing matches", "xyz", false, []],
  ])("%s", (_case, search, onlyRemaining, expected) => {
    expect(ids(filterStaff(STAFF, { search, onlyRemaining }))).toEqual(expected);
  });
});

describe("queryStaff pages", () => {
  const many = Array.from({ length: 123 }, (_, i) =>
    person(i + 1, "Test", `Person ${String(i + 1).padStart(3, "0")}`, {
      status: i % 3 === 0 ? "completed" : "not_started",
    }),
  );
  const q = (more: Partial<StaffQuery>): StaffQuery => ({
    ...DEFAULT_STAFF_QUERY,
    sort: "namn",
    ...more,
  });

  it.each<[string, Partial<StaffQuery>, [number, number, number, number, number]]>([
    // [page, pageCount, first, last, matching]
    ["the first page", {}, [1, 3, 1, 50, 123]],
    ["a middle page", { page: 2 }, [2, 3, 51, 100, 123]],
    ["the last page holds the rest", { page: 3 }, [3, 3, 101, 123, 123]],
    ["a page past the end shows the last one", { page: 99 }, [3, 3, 101, 123, 123]],
    ["page 0 shows the first one", { page: 0 }, [1, 3, 1, 50, 123]],
    ["filtered: 82 not started", { onlyRemaining: true, page: 2 }, [2, 2, 51, 82, 82]],
    ["nothing matches: one empty page", { search: "finns inte" }, [1, 1, 0, 0, 0]],
  ])("%s", (_case, more, [page, pageCount, first, last, matching]) => {
    const r = queryStaff(many, q(more));
    expect([r.page, r.pageCount, r.first, r.last, r.matching]).toEqual([
      page,
      pageCount,
      first,
      last,
      matching,
    ]);
    expect(r.rows.length).toBe(last === 0 ? 0 : last - first + 1);
    expect(r.all).toBe(123);
    expect(r.remaining).toBe(82);
  });

  it("cuts the page out of the sorted list", () => {
    const r = queryStaff(many, q({ page: 2, direction: "fallande" }));
    expect(r.rows[0]!.lastName).toBe("Person 073");
    expect(r.rows.at(-1)!.lastName).toBe("Person 024");
  });
});

describe("describeStaffFilter", () => {
  it.each<[string, boolean, string | null]>([
    ["", false, null],
    ["", true, "bara de som inte påbörjat"],
    [" anna ", false, "sökning ”anna”"],
    ["anna", true, "bara de som inte påbörjat, sökning ”anna”"],
  ])("search %j, only remaining %s", (search, onlyRemaining, expected) => {
    expect(describeStaffFilter({ search, onlyRemaining })).toBe(expected);
  });
});
