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

export function AuditPage({ rows, actions, action, page, hasMore }: AuditPageProps) {
  return (
    <>
      <h1>Granskningslogg</h1>
      <form method="get" action="/admin/audit" class="inline-form">
        <label for="action">Händelse</label>{" "}
        <select id="action" name="action">
          <option value="">Alla</option>
          {actions.map((a) => (
            <option value={a} selected={a === action}>
              {a}
            </option>
          ))}
        </select>{" "}
        <button type="submit">Visa</button>
      </form>
      <table class="audit-table">
        <caption>
          Sida {page}
          {action ? `, händelse ${action}` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">Tid (UTC)</th>
            <th scope="col">Vem</th>
            <th scope="col">Händelse</th>
            <th scope="col">Gäller</th>
            <th scope="col">Detaljer</th>
            <th scope="col">Adress</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>{r.at.replace("T", " ").slice(0, 19)}</td>
              <td>{r.userName ? `${r.userName} (${r.userEmail})` : "–"}</td>
              <td>{r.action}</td>
              <td>{r.target ?? ""}</td>
              <td>{r.detail ? JSON.stringify(r.detail) : ""}</td>
              <td>{r.ip ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p>Inga händelser.</p> : null}
      <nav aria-label="Sidor" class="pager">
        {page > 1 ? <a href={pageHref(action, page - 1)}>Föregående</a> : null}{" "}
        {hasMore ? <a href={pageHref(action, page + 1)}>Nästa</a> : null}
      </nav>
    </>
  );
}
