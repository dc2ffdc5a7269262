import {
  auditActionLabel,
  auditDetailParts,
  auditTargetText,
} from "../../../src/domain/audit-labels";
import { stockholmDateTime } from "../../../src/domain/export-about";

export interface AuditRow {
  id: number;
  at: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
  userName: string | null;
  userEmail: string | null;
}

export interface AuditPageProps {
  rows: AuditRow[];
  actions: string[];
  action: string | null;
  page: number;
  hasMore: boolean;
}

function pageHref(action: string | null, page: number) {
  const q = new URLSearchParams();
  if (action) q.set("action", action);
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `/admin/audit?${s}` : "/admin/audit";
}

/** Stored as an ISO instant (UTC); shown as the wall clock in Stockholm. */
function whenText(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : stockholmDateTime(d);
}

export function AuditPage({ rows, actions, action, page, hasMore }: AuditPageProps) {
  return (
    <>
      <h1>Granskningslogg</h1>
      <form method="get" action="/admin/audit" class="inline">
        <div>
          <label for="action">Händelse</label>
          <select id="action" name="action">
            <option value="">Alla</option>
            {actions.map((a) => (
              <option value={a} selected={a === action}>
                {auditActionLabel(a)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Visa</button>
      </form>
      <table class="audit-table cards">
        <caption>
          Sida {page}
          {action ? `, händelse ”${auditActionLabel(action)}”` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">Tid</th>
            <th scope="col">Vem</th>
            <th scope="col">Händelse</th>
            <th scope="col">Gäller</th>
            <th scope="col">Detaljer</th>
            <th scope="col">IP-adress</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td data-label="Tid" class="nowrap">
                <time datetime={r.at}>{whenText(r.at)}</time>
              </td>
              <td data-label="Vem">{r.userName ? `${r.userName} (${r.userEmail})` : "–"}</td>
              <td data-label="Händelse">{auditActionLabel(r.action)}</td>
              <td data-label="Gäller">{auditTargetText(r.target)}</td>
              <td data-label="Detaljer">
                {auditDetailParts(r.detail).map((part) => (
                  <span class="detail-part">{part}</span>
                ))}
              </td>
              <td data-label="IP-adress">{r.ip ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p>Inga händelser.</p> : null}
      <p class="muted">Tider i svensk tid (Europe/Stockholm).</p>
      <nav aria-label="Sidor" class="pager">
        {page > 1 ? <a href={pageHref(action, page - 1)}>Föregående</a> : null}{" "}
        {hasMore ? <a href={pageHref(action, page + 1)}>Nästa</a> : null}
      </nav>
    </>
  );
}
