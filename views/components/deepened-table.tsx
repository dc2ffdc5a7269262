import type { UnitRef } from "../../src/domain/coverage";
import type { DeepenedRow } from "../../src/domain/deepened";
import { formatCount } from "../format";

/** Deepened-course attendance: distinct people per year, per unit, the selection first. */
export function DeepenedTable({
  years,
  rows,
  selectionLabel,
}: {
  years: number[];
  rows: Array<DeepenedRow<UnitRef>>;
  selectionLabel: string;
}) {
  return (
    <table class="deepened-table">
      <caption>Fördjupade utbildningar (antal personer per år)</caption>
      <thead>
        <tr>
          <th scope="col">Enhet</th>
          {years.map((y) => (
            <th scope="col" class="num">
              {y}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr class={r.unit ? undefined : "total"}>
            <th scope="row">{r.unit ? r.unit.name : selectionLabel}</th>
            {r.counts.map((n) => (
              <td class="num">{formatCount(n)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
