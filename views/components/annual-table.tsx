/**
 * The annual report's per-unit table. Every column is headed (the change column too), and
 * the headers wrap (report.css) so the table fits the page column on a desktop; on a phone
 * it scrolls inside its own box.
 */
import type { AnnualFigures } from "../../src/domain/annual";
import { percent, type UnitRef } from "../../src/domain/coverage";
import { formatCount, formatPercent } from "../format";
import { urls } from "../urls";
import { signed } from "./figures";
import { TableWrap } from "./table-wrap";

export type AnnualTableRow = AnnualFigures & { unit: UnitRef; difference: AnnualFigures };

export function annualLabels(headcountLabel: string): Array<[keyof AnnualFigures, string]> {
  return [
    ["headcount", headcountLabel],
    ["reached", "Påbörjat eller genomfört"],
    ["completed", "Genomfört"],
    ["reachedInYear", "Nådda under året"],
    ["deepened", "Fördjupade utbildningar"],
  ];
}

export function AnnualUnitTable({
  year,
  rows,
  headcountLabel,
  caption,
}: {
  year: number;
  rows: readonly AnnualTableRow[];
  headcountLabel: string;
  caption: string;
}) {
  const labels = annualLabels(headcountLabel);
  return (
    <TableWrap label={caption}>
      <table class="annual-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Enhet</th>
            {labels.map(([, label]) => (
              <th scope="col" class="num">
                {label}
              </th>
            ))}
            <th scope="col" class="num">
              Andel nådda
            </th>
            <th scope="col" class="num">
              Förändring nådda mot {year - 1}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">
                <a href={urls.annual(year, row.unit.id)}>{row.unit.name}</a>
              </th>
              {labels.map(([key]) => (
                <td class="num">{formatCount(row[key])}</td>
              ))}
              <td class="num">{formatPercent(percent(row.reached, row.headcount))}</td>
              <td class="num">{signed(row.difference.reached)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
