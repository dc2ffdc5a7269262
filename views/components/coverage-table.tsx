import type { CoverageFigures, UnitRef } from "../../src/domain/coverage";
import { formatCount, formatPercent } from "../format";

export interface CoverageRow extends CoverageFigures {
  unit: UnitRef;
  /** Within a target group: past the deadline and not completed; excluded by an exemption. */
  overdue?: number;
  exempt?: number;
}

/** Per-unit table; the bar repeats the percentage visually, the number stays the source. */
export function CoverageTable({
  rows,
  caption,
  unitHref,
  staffHref,
  targetColumns = false,
}: {
  rows: CoverageRow[];
  caption: string;
  /** Show Försenade and Undantagna (when the course's target group has deadlines or exemptions). */
  targetColumns?: boolean;
  /** Link from a unit's name (drill down), if any. */
  unitHref?: (unit: CoverageRow["unit"]) => string;
  /** Link to the unit's staff list, if any. */
  staffHref?: (unit: CoverageRow["unit"]) => string;
}) {
  return (
    <table class="coverage-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Enhet</th>
          <th scope="col" class="num">
            {targetColumns ? "I målgruppen" : "Anställda"}
          </th>
          <th scope="col" class="num">
            Påbörjat eller genomfört
          </th>
          <th scope="col" class="num">
            Genomfört
          </th>
          <th scope="col" class="num">
            Andel nådda
          </th>
          {targetColumns ? (
            <>
              <th scope="col" class="num">
                Försenade
              </th>
              <th scope="col" class="num">
                Undantagna
              </th>
            </>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>
            <th scope="row">
              {unitHref ? <a href={unitHref(row.unit)}>{row.unit.name}</a> : row.unit.name}
              {row.unit.code ? <span class="muted"> ({row.unit.code})</span> : null}
              {staffHref ? (
                <>
                  {" "}
                  <a class="staff-link" href={staffHref(row.unit)}>
                    personal
                  </a>
                </>
              ) : null}
            </th>
            <td class="num">{formatCount(row.headcount)}</td>
            <td class="num">{formatCount(row.reached)}</td>
            <td class="num">{formatCount(row.completed)}</td>
            <td class="num">
              <meter
                class="bar"
                min={0}
                max={100}
                value={row.percentReached ?? 0}
                aria-hidden="true"
              />
              {formatPercent(row.percentReached)}
            </td>
            {targetColumns ? (
              <>
                <td class="num">{formatCount(row.overdue ?? 0)}</td>
                <td class="num">{formatCount(row.exempt ?? 0)}</td>
              </>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
