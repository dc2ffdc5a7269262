/**
 * The lock on the annual report page: who locked it and when, and — only as a labelled
 * difference — what today's data would give ("Beräknat nu"). Lock figures are never mixed
 * into the fresh ones or the other way round.
 */
import { type AnnualFigures, figureDifference, sameFigures } from "../../src/domain/annual";
import type { AnnualReport } from "../../src/services/annual-report";
import { formatCount } from "../format";
import { signed } from "./figures";
import { TableWrap } from "./table-wrap";

type Rows = AnnualReport["units"];

/** Units whose locked and fresh figures differ (a unit missing on either side counts too). */
interface ChangedUnit {
  name: string;
  locked: AnnualFigures | null;
  now: AnnualFigures | null;
}

function changedUnits(locked: Rows, fresh: Rows): ChangedUnit[] {
  const now = new Map(fresh.map((r) => [r.unit.id, r]));
  const rows: ChangedUnit[] = locked.flatMap((r) => {
    const n = now.get(r.unit.id);
    return n && sameFigures(r, n) ? [] : [{ name: r.unit.name, locked: r, now: n ?? null }];
  });
  const lockedIds = new Set(locked.map((r) => r.unit.id));
  for (const n of fresh) {
    if (!lockedIds.has(n.unit.id)) rows.push({ name: n.unit.name, locked: null, now: n });
  }
  return rows;
}

export function RecomputedSection({
  report,
  fresh,
  labels,
}: {
  report: AnnualReport;
  fresh: AnnualReport;
  labels: Array<[keyof AnnualFigures, string]>;
}) {
  const units = changedUnits(report.units, fresh.units);
  const same = sameFigures(report, fresh) && units.length === 0;
  if (same) {
    return (
      <section class="recomputed" aria-labelledby="recomputed-heading">
        <h2 id="recomputed-heading">Beräknat nu</h2>
        <p class="muted">Beräknat på dagens data blir siffrorna desamma som de låsta.</p>
      </section>
    );
  }
  const diff = figureDifference(fresh, report);
  return (
    <section class="recomputed" aria-labelledby="recomputed-heading">
      <h2 id="recomputed-heading">Beräknat nu</h2>
      <p>
        Data har ändrats sedan låsningen (till exempel en rättad import). Den låsta siffran ovan
        gäller; här är skillnaden mot en beräkning på dagens data.
      </p>
      <TableWrap label="Låst och beräknat nu">
        <table class="lock-diff">
          <caption>Låst och beräknat nu</caption>
          <thead>
            <tr>
              <th scope="col">Mått</th>
              <th scope="col" class="num">
                Låst
              </th>
              <th scope="col" class="num">
                Beräknat nu
              </th>
              <th scope="col" class="num">
                Skillnad
              </th>
            </tr>
          </thead>
          <tbody>
            {labels.map(([key, label]) => (
              <tr>
                <th scope="row">{label}</th>
                <td class="num">{formatCount(report[key])}</td>
                <td class="num">{formatCount(fresh[key])}</td>
                <td class="num">{signed(diff[key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {units.length > 0 ? (
        <TableWrap label="Enheter där siffrorna har ändrats">
          <table class="lock-diff">
            <caption>Enheter där siffrorna har ändrats</caption>
            <thead>
              <tr>
                <th scope="col">Enhet</th>
                <th scope="col" class="num">
                  Anställda låst
                </th>
                <th scope="col" class="num">
                  Anställda nu
                </th>
                <th scope="col" class="num">
                  Nådda låst
                </th>
                <th scope="col" class="num">
                  Nådda nu
                </th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr>
                  <th scope="row">{u.name}</th>
                  <td class="num">{u.locked ? formatCount(u.locked.headcount) : "–"}</td>
                  <td class="num">{u.now ? formatCount(u.now.headcount) : "–"}</td>
                  <td class="num">{u.locked ? formatCount(u.locked.reached) : "–"}</td>
                  <td class="num">{u.now ? formatCount(u.now.reached) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <p class="muted">Beräknat på dagens data: {fresh.sentence}</p>
    </section>
  );
}
