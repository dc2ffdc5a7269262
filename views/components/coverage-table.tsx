import type { CoverageFigures, UnitRef } from "../../src/domain/coverage";
import { formatCount, formatPercent } from "../format";

export interface CoverageRow extends CoverageFigures {
  unit: UnitRef;
}

/** Per-unit table; the bar repeats the percentage visually, the number stays the source. */
export function CoverageTable({
  rows,
  caption,
  unitHref,
  staffHref,
}: {
  rows: CoverageRow[];
  caption: string;
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
            Anställda
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
          </tr>
        ))}
      </tbody>
    </table>
  );
}
