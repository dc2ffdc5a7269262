/** The access log: who viewed or exported which people's data; filter by person. */
import type { AccessRow } from "../../../src/services/privacy/access-log";
import { Notices } from "../../components/notices";

export const ACCESS_KIND_LABELS: Record<string, string> = {
  staff_list: "Personallista",
  staff_export: "Export av personallista",
  person_page: "Personsida",
  search: "Sökning",
  register_extract: "Registerutdrag",
};

export interface AccessPageProps {
  rows: AccessRow[];
  employeeNo: string | null;
  page: number;
  hasMore: boolean;
  error?: string | null;
}

function pageHref(employeeNo: string | null, page: number) {
  const q = new URLSearchParams();
  if (employeeNo) q.set("anstnr", employeeNo);
  if (page > 1) q.set("sida", String(page));
  const s = q.toString();
  return s ? `/admin/integritet/atkomst?${s}` : "/admin/integritet/atkomst";
}

export function AccessPage({ rows, employeeNo, page, hasMore, error }: AccessPageProps) {
  return (
    <>
      <h1>Åtkomstlogg</h1>
      <p>
        En rad per visning eller export: enheten, datumet listan gällde och hur många personer den
        visade. Filtrerat på en person visas de listor där personen fanns med.
      </p>
      <Notices error={error ?? null} notice={null} />
      <form method="get" action="/admin/integritet/atkomst" class="inline-form">
        <label for="anstnr">Anställningsnummer</label>{" "}
        <input id="anstnr" name="anstnr" value={employeeNo ?? ""} inputmode="numeric" />{" "}
        <button type="submit">Visa</button>
        {employeeNo ? (
          <>
            {" "}
            <a href="/admin/integritet/atkomst">Alla</a>
          </>
        ) : null}
      </form>
      <table>
        <caption>
          Sida {page}
          {employeeNo ? `, listor och sidor som visade anställningsnummer ${employeeNo}` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">Tid (UTC)</th>
            <th scope="col">Vem</th>
            <th scope="col">Vad</th>
            <th scope="col">Enhet / person</th>
            <th scope="col">Per datum</th>
            <th scope="col">Antal</th>
            <th scope="col">Adress</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>{r.at.replace("T", " ").slice(0, 19)}</td>
              <td>{r.userName ? `${r.userName} (${r.userEmail})` : "–"}</td>
              <td>
                {ACCESS_KIND_LABELS[r.kind] ?? r.kind}
                {r.detail ? ` (${r.detail})` : ""}
              </td>
              <td>{r.personName ?? r.unitName ?? "Hela förvaltningen"}</td>
              <td>{r.asOf ?? ""}</td>
              <td>{r.count}</td>
              <td>{r.ip ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p>Inga poster.</p> : null}
      <nav aria-label="Sidor" class="pager">
        {page > 1 ? <a href={pageHref(employeeNo, page - 1)}>Föregående</a> : null}{" "}
        {hasMore ? <a href={pageHref(employeeNo, page + 1)}>Nästa</a> : null}
      </nav>
    </>
  );
}
