import { REQUIREMENT_STATUS_LABEL } from "../../src/domain/requirements-person";
import type { PersonCourseRequirement } from "../../src/services/coverage-person";

/** Which courses the person must take on the date: status in words, deadline, exemption. */
export function PersonRequirements({
  rows,
  asOfLabel,
}: {
  rows: PersonCourseRequirement[];
  asOfLabel: string;
}) {
  return (
    <table class="person-requirements">
      <caption>Kurser som krävs per {asOfLabel}</caption>
      <thead>
        <tr>
          <th scope="col">Kurs</th>
          <th scope="col">Krävs</th>
          <th scope="col">Status</th>
          <th scope="col">Deadline</th>
          <th scope="col">Undantag</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr class={r.status === "overdue" ? "overdue" : undefined}>
            <th scope="row">{r.title}</th>
            <td>{r.required ? "Ja" : "Nej"}</td>
            <td>
              {r.status === "overdue" ? (
                <strong>{REQUIREMENT_STATUS_LABEL.overdue}</strong>
              ) : (
                REQUIREMENT_STATUS_LABEL[r.status]
              )}
            </td>
            <td>{r.deadline ?? "–"}</td>
            <td>
              {r.exemption
                ? `${r.exemption.reason}, ${r.exemption.fromDate}–${r.exemption.toDate ?? "tills vidare"}${r.exemption.courseId === null ? " (alla kurser)" : ""}`
                : "–"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
