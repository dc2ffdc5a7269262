/**
 * One person's requirement for one course on a date, as the person page and the staff list
 * show it: required or not, the deadline, an exemption, and a status that says "Försenad" in
 * words (not only by colour) when the deadline has passed without a completion.
 */
import { type CourseStatus, statusOn } from "./coverage";
import {
  type ExemptionFacts,
  exemptionOn,
  type PostFacts,
  requirementOf,
  type TargetGroup,
} from "./requirements";
import { type SortKey, STAFF_SORTS, type StaffSortKey } from "./staff-query";
import type { StaffStatus } from "./staff-status";

export type RequirementStatus = "overdue" | CourseStatus | "exempt" | "not_required";

export interface PersonRequirement {
  required: boolean;
  deadline: string | null;
  exemption: ExemptionFacts | null;
  status: RequirementStatus;
}

export const REQUIREMENT_STATUS_LABEL: Record<RequirementStatus, string> = {
  overdue: "Försenad",
  not_started: "Ej påbörjad",
  started: "Påbörjad",
  completed: "Genomförd",
  exempt: "Undantagen",
  not_required: "Krävs inte",
};

/** Sort key: overdue first, then not started, started, completed; exempt and not required last. */
export const REQUIREMENT_STATUS_ORDER: Record<RequirementStatus, number> = {
  overdue: 0,
  not_started: 1,
  started: 2,
  completed: 3,
  exempt: 4,
  not_required: 5,
};

export function personRequirement(
  group: TargetGroup,
  postsOnDate: readonly PostFacts[],
  done: { startedOn: string | null; completedOn: string | null },
  personId: number,
  asOf: string,
): PersonRequirement {
  const { required, deadline } = requirementOf(group, postsOnDate);
  const exemption = required ? exemptionOn(group, personId, asOf) : null;
  const course = statusOn(done, asOf);
  const status: RequirementStatus = !required
    ? "not_required"
    : exemption
      ? "exempt"
      : course !== "completed" && deadline !== null && deadline < asOf
        ? "overdue"
        : course;
  return { required, deadline: required ? deadline : null, exemption, status };
}

/**
 * The staff list's sort keys when a target group applies: "status" puts overdue people first
 * (the chef's follow-up), then the requirement order, then the course status as before.
 */
export function sortsWithRequirement(
  requirements: ReadonlyMap<number, PersonRequirement>,
): Record<StaffSortKey, SortKey<StaffStatus>> {
  const order = (r: StaffStatus) =>
    REQUIREMENT_STATUS_ORDER[requirements.get(r.personId)?.status ?? "not_required"];
  return {
    ...STAFF_SORTS,
    status: { compare: (a, b) => order(a) - order(b) || STAFF_SORTS.status.compare(a, b) },
  };
}
