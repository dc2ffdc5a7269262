import type { UnmatchedDetail } from "../../imports/unmatched-reasons";
import { formatCount } from "../format";
import { TableWrap } from "./table-wrap";

/** Why a course file's rows matched no one: a count per reason and the first rows. */
export function UnmatchedReasons({ detail, total }: { detail: UnmatchedDetail; total: number }) {
  if (total === 0) return null;
  return (
    <section aria-labelledby="unmatched-title">
      <h3 id="unmatched-title">
        Varför {total === 1 ? "en rad" : `${formatCount(total)} rader`} inte matchade
      </h3>
      <ul>
        {detail.reasons.map((r) => (
          <li>
            {r.label}: {formatCount(r.count)}
          </li>
        ))}
      </ul>
      <details open={total <= 20}>
        <summary>
          {detail.sample.length < total
            ? `De första ${formatCount(detail.sample.length)} raderna`
            : "Raderna"}
        </summary>
        <TableWrap label={"Omatchade rader i filen"}>
          <table>
            <thead>
              <tr>
                <th scope="col">Rad</th>
                <th scope="col">Namn</th>
                <th scope="col">E-post</th>
                <th scope="col">Anst.nr</th>
                <th scope="col">Varför</th>
              </tr>
            </thead>
            <tbody>
              {detail.sample.map((r) => (
                <tr>
                  <td class="num">{r.row}</td>
                  <td>{r.name}</td>
                  <td>{r.email}</td>
                  <td>{r.employeeNo}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
      <p class="muted">
        Omatchade rader hamnar i kön när du importerar; där kopplar du dem till rätt person.
      </p>
    </section>
  );
}
