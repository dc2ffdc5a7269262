/**
 * The staff table: sortable column headers and one row per person. The row is its own
 * component so a column (a requirement status, say) is one <th> here and one <td> there.
 */
import type { PersonRequirement } from "../../src/domain/requirements-person";
import type { SortDirection, StaffQuery, StaffSortKey } from "../../src/domain/staff-query";
import { STATUS_LABEL, type StaffStatus } from "../../src/domain/staff-status";
import { formatExtent } from "../format";
import { urls } from "../urls";
import { RequirementCell } from "./requirement-cell";
import { SwapLink } from "./swap-link";

export interface StaffTableProps {
  unitId: number;
  asOf: string;
  query: StaffQuery;
  rows: StaffStatus[];
  /** Each person's requirement for the selected course, when a target group applies. */
  requirements?: ReadonlyMap<number, PersonRequirement> | null;
}

const COLUMNS: Array<{ key: StaffSortKey; label: string }> = [
  { key: "namn", label: "Namn" },
  { key: "anstnr", label: "Anst.nr" },
  { key: "enhet", label: "Enhet" },
  { key: "befattning", label: "Befattning" },
  { key: "status", label: "Status" },
  { key: "paborjad", label: "Påbörjad" },
  { key: "genomford", label: "Genomförd" },
];

const ARIA_SORT: Record<SortDirection, "ascending" | "descending"> = {
  stigande: "ascending",
  fallande: "descending",
};

export function StaffTable({ unitId, asOf, query, rows, requirements }: StaffTableProps) {
  return (
    <table class="staff-table">
      <caption>Anställda och status</caption>
      <thead>
        <tr>
          {COLUMNS.map((col) => {
            const active = query.sort === col.key;
            // A click on the sorted column turns the order; another column starts ascending.
            const direction: SortDirection =
              active && query.direction === "stigande" ? "fallande" : "stigande";
            const href = urls.staff(unitId, asOf, { ...query, sort: col.key, direction, page: 1 });
            return (
              <th scope="col" aria-sort={active ? ARIA_SORT[query.direction] : undefined}>
                <SwapLink href={href} target="#staff-result">
                  {col.label}
                  {active ? (
                    <span class="sort-mark">
                      {query.direction === "stigande" ? " ▲" : " ▼"}
                      <span class="visually-hidden">
                        {query.direction === "stigande" ? " (stigande)" : " (fallande)"}
                      </span>
                    </span>
                  ) : null}
                </SwapLink>
              </th>
            );
          })}
          {requirements ? <th scope="col">Krav</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <StaffRowView
            row={row}
            asOf={asOf}
            requirement={requirements ? (requirements.get(row.personId) ?? null) : undefined}
          />
        ))}
      </tbody>
    </table>
  );
}

export function StaffRowView({
  row,
  asOf,
  requirement,
}: {
  row: StaffStatus;
  asOf: string;
  /** undefined = no Krav column; null = the person has no requirement entry. */
  requirement?: PersonRequirement | null;
}) {
  return (
    <tr class={`status-${row.status}`}>
      <th scope="row">
        <a href={urls.person(row.personId, asOf)}>{row.name}</a>
      </th>
      <td>{row.employeeNo ?? ""}</td>
      <td>
        {row.units}
        {row.otherUnits ? <span class="also"> (även {row.otherUnits})</span> : null}
      </td>
      <td>
        {row.title ?? ""}
        {row.extents.length > 0 ? `, ${row.extents.map(formatExtent).join(" + ")}` : ""}
      </td>
      <td>
        <span class={`status status-${row.status}`}>{STATUS_LABEL[row.status]}</span>
      </td>
      <td>{row.startedOn ?? "–"}</td>
      <td>{row.completedOn ?? "–"}</td>
      {requirement === undefined ? null : (
        <RequirementCell requirement={requirement ?? undefined} />
      )}
    </tr>
  );
}
