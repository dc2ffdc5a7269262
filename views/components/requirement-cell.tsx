import {
  type PersonRequirement,
  REQUIREMENT_STATUS_LABEL,
} from "../../src/domain/requirements-person";

/**
 * One person's requirement in the staff list: "Försenad (deadline 2026-03-31)" in words and
 * bold, so it reads without colour; "Undantagen: föräldraledighet"; "Krävs inte".
 */
export function RequirementCell({ requirement }: { requirement: PersonRequirement | undefined }) {
  if (!requirement) return <td>–</td>;
  const { status, deadline, exemption } = requirement;
  const label = REQUIREMENT_STATUS_LABEL[status];
  if (status === "overdue") {
    return (
      <td class="requirement overdue">
        <strong>{label}</strong> (deadline {deadline})
      </td>
    );
  }
  if (status === "exempt")
    return <td class="requirement">{`${label}: ${exemption?.reason ?? ""}`}</td>;
  if (status === "not_required") return <td class="requirement muted">{label}</td>;
  return (
    <td class="requirement">
      {label}
      {deadline && status !== "completed" ? ` (deadline ${deadline})` : ""}
    </td>
  );
}
