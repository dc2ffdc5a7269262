import { describe, expect, it } from "vitest";
import { buildTargetGroup, type PostFacts } from "../../src/domain/requirements";
import { personRequirement, type RequirementStatus } from "../../src/domain/requirements-person";

const post: PostFacts = {
  personId: 1,
  unitId: 2,
  unitPath: "/1/2/",
  title: "Kurator",
  validFrom: "2026-01-01",
  validTo: null,
};
const group = (required: boolean, exempt = false) =>
  buildTargetGroup({
    courseId: "k",
    rules: required
      ? [
          {
            id: 1,
            unitPath: "/1/2/",
            functionLevel: null,
            tag: null,
            titlePattern: null,
            deadline: null,
            daysAfterStart: 30,
          },
        ]
      : [],
    units: new Map(),
    exemptions: exempt
      ? [
          {
            id: 1,
            personId: 1,
            courseId: null,
            fromDate: "2026-03-01",
            toDate: null,
            reason: "Tjänstledighet",
          },
        ]
      : [],
    posts: [post],
  });

describe("a person's requirement and status", () => {
  it.each<
    [
      string,
      boolean,
      boolean,
      string | null,
      string | null,
      string,
      RequirementStatus,
      string | null,
    ]
  >([
    ["not required", false, false, null, null, "2026-06-01", "not_required", null],
    [
      "before the deadline, nothing done",
      true,
      false,
      null,
      null,
      "2026-01-31",
      "not_started",
      "2026-01-31",
    ],
    ["the day after the deadline", true, false, null, null, "2026-02-01", "overdue", "2026-01-31"],
    [
      "started but past the deadline",
      true,
      false,
      "2026-01-15",
      null,
      "2026-02-01",
      "overdue",
      "2026-01-31",
    ],
    [
      "completed late, before the as-of date",
      true,
      false,
      null,
      "2026-02-10",
      "2026-03-01",
      "completed",
      "2026-01-31",
    ],
    ["exempt from the as-of date", true, true, null, null, "2026-03-01", "exempt", "2026-01-31"],
    ["not yet exempt", true, true, null, null, "2026-02-28", "overdue", "2026-01-31"],
  ])("%s", (_name, required, exempt, startedOn, completedOn, asOf, status, deadline) => {
    const r = personRequirement(
      group(required, exempt),
      [post],
      { startedOn, completedOn },
      1,
      asOf,
    );
    expect([r.status, r.deadline]).toEqual([status, deadline]);
  });
});
