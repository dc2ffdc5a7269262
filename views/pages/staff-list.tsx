import type { UnitRef } from "../../src/domain/coverage";
import type { PersonRequirement } from "../../src/domain/requirements-person";
import { STATUS_LABEL, type StaffStatus } from "../../src/domain/staff-status";
import { RequirementCell } from "../components/requirement-cell";
import { formatCount, formatExtent } from "../format";
import { urls } from "../urls";

export interface StaffListView {
  unit: UnitRef;
  asOf: string;
  asOfLabel: string;
  courseTitle: string;
  rows: StaffStatus[];
  /** Show only those who have not started (what a chef follows up). */
  onlyRemaining: boolean;
  notice?: string | null;
  /** The selected course (`kurs`, null = mandatory) and, when a target group applies, each person's requirement. */
  coursePart?: string | null;
  requirements?: ReadonlyMap<number, PersonRequirement> | null;
}

export function StaffListPage(view: StaffListView) {
  const { unit, asOf } = view;
  return (
    <>
      <p>
        <a href={urls.coverage(unit.id, asOf, view.coursePart)}>← Täckning för {unit.name}</a>
      </p>
      <h1>Personal: {unit.name}</h1>
      <form
        method="get"
        action={`/tackning/enhet/${unit.id}`}
        class="inline report-filter"
        hx-get={`/tackning/enhet/${unit.id}`}
        hx-trigger="change"
        hx-target="#staff-result"
        hx-swap="outerHTML"
        hx-push-url="true"
        hx-sync="this:replace"
      >
        <div>
          <label for="datum">Per datum</label>
          <input id="datum" name="datum" type="date" value={asOf} required />
        </div>
        <div>
          <label class="checkbox">
            <input type="checkbox" name="visa" value="kvar" checked={view.onlyRemaining} /> Bara de
            som inte påbörjat
          </label>
        </div>
        {view.coursePart ? <input type="hidden" name="kurs" value={view.coursePart} /> : null}
        <button type="submit">Visa</button>
      </form>
      <StaffListResult {...view} />
    </>
  );
}

export function StaffListResult({
  unit,
  asOf,
  asOfLabel,
  courseTitle,
  rows,
  notice,
  onlyRemaining,
  coursePart,
  requirements,
}: StaffListView) {
  const remaining = rows.filter((r) => r.status === "not_started").length;
  const shown = onlyRemaining ? rows.filter((r) => r.status === "not_started") : rows;
  return (
    <div id="staff-result">
      {notice ? <p class="notice error">{notice}</p> : null}
      <p class="lead">
        {courseTitle}, per {asOfLabel}: {formatCount(rows.length)} anställda,{" "}
        {remaining === 0
          ? "alla har påbörjat eller genomfört."
          : `${formatCount(remaining)} har inte påbörjat.`}
      </p>
      <p class="actions">
        <a href={urls.staffExport(unit.id, asOf, "xlsx", coursePart)}>Exportera lista (Excel)</a>{" "}
        <a href={urls.staffExport(unit.id, asOf, "csv", coursePart)}>Exportera lista (CSV)</a>
      </p>
      <table class="staff-table">
        <caption>Anställda och status</caption>
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">Anst.nr</th>
            <th scope="col">Enhet</th>
            <th scope="col">Befattning</th>
            <th scope="col">Status</th>
            <th scope="col">Påbörjad</th>
            <th scope="col">Genomförd</th>
            {requirements ? <th scope="col">Krav</th> : null}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr class={`status-${r.status}`}>
              <th scope="row">
                <a href={urls.person(r.personId, asOf)}>{r.name}</a>
              </th>
              <td>{r.employeeNo ?? ""}</td>
              <td>
                {r.units}
                {r.otherUnits ? <span class="also"> (även {r.otherUnits})</span> : null}
              </td>
              <td>
                {r.title ?? ""}
                {r.extents.length > 0 ? `, ${r.extents.map(formatExtent).join(" + ")}` : ""}
              </td>
              <td>
                <span class={`status status-${r.status}`}>{STATUS_LABEL[r.status]}</span>
              </td>
              <td>{r.startedOn ?? "–"}</td>
              <td>{r.completedOn ?? "–"}</td>
              {requirements ? <RequirementCell requirement={requirements.get(r.personId)} /> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
