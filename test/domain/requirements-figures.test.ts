import { describe, expect, it } from "vitest";
import type { StaffCourseFacts } from "../../src/domain/coverage";
import type { ExemptionFacts, TargetRow } from "../../src/domain/requirements";
import { courseFiguresByUnit, courseFiguresOf } from "../../src/domain/requirements-figures";

const exemption = (reason: string): ExemptionFacts => ({
  id: 1,
  personId: 0,
  courseId: null,
  fromDate: "2026-01-01",
  toDate: null,
  reason,
});
const row = (
  personId: number,
  unitPath: string,
  r: { started?: string; completed?: string; deadline?: string; exempt?: string } = {},
): TargetRow<StaffCourseFacts> => ({
  personId,
  unitId: 0,
  unitPath,
  startedOn: r.started ?? null,
  completedOn: r.completed ?? null,
  deadline: r.deadline ?? null,
  exemption: r.exempt ? exemption(r.exempt) : null,
});

const AS_OF = "2026-06-30";
// Worked out by hand: 1 completed in time, 2 completed after the deadline but before the
// as-of date (not overdue), 3 started only and past the deadline (overdue), 4 nothing and
// past the deadline (overdue), 5 deadline on the as-of date (not yet passed), 6 completed
// after the as-of date and past the deadline (overdue on the date), 7 and 8 exempt (one
// of them would be overdue), 9 exempt for another reason.
const ROWS = [
  row(1, "/1/2/", { completed: "2026-02-01", deadline: "2026-03-01" }),
  row(2, "/1/2/", { completed: "2026-04-01", deadline: "2026-03-01" }),
  row(3, "/1/2/", { started: "2026-02-01", deadline: "2026-03-01" }),
  row(4, "/1/3/", { deadline: "2026-06-29" }),
  row(5, "/1/3/", { deadline: "2026-06-30" }),
  row(6, "/1/3/", { started: "2026-01-10", completed: "2026-07-01", deadline: "2026-05-01" }),
  row(7, "/1/3/", { deadline: "2026-01-01", exempt: "Föräldraledighet" }),
  row(8, "/1/2/", { exempt: "Föräldraledighet" }),
  row(9, "/1/3/", { exempt: "Långtidssjukskrivning" }),
];

describe("course figures within the target group", () => {
  it("counts overdue and exempt by the definitions", () => {
    expect(courseFiguresOf(ROWS, AS_OF)).toEqual({
      headcount: 6,
      reached: 4,
      completed: 2,
      notStarted: 2,
      percentReached: 66.7,
      overdue: 3,
      exempt: 3,
      exemptReasons: [
        { reason: "Föräldraledighet", count: 2 },
        { reason: "Långtidssjukskrivning", count: 1 },
      ],
    });
  });

  it.each<[string, number, number, number]>([
    ["/1/2/", 3, 1, 1],
    ["/1/3/", 3, 2, 2],
  ])("unit %s: headcount %i, overdue %i, exempt %i", (path, headcount, overdue, exempt) => {
    const [f] = courseFiguresByUnit(ROWS, [{ id: 0, code: null, name: "x", path }], AS_OF);
    expect([f!.headcount, f!.overdue, f!.exempt]).toEqual([headcount, overdue, exempt]);
  });

  it("a person with two posts in the group counts once", () => {
    const rows = [
      row(1, "/1/2/", { deadline: "2026-01-01" }),
      row(1, "/1/3/", { deadline: "2026-01-01" }),
    ];
    expect(courseFiguresOf(rows, AS_OF)).toMatchObject({ headcount: 1, overdue: 1, exempt: 0 });
  });
});
