import type { Change, StaffChange } from "../../imports/staff-changes";
import { formatCount } from "../format";
import { TableWrap } from "./table-wrap";

/** On the page: the first of each list; the rest is in the download (all of them). */
export const CHANGES_SHOWN = 100;

const GROUPS: Array<{ kind: StaffChange["kind"]; title: string }> = [
  { kind: "left", title: "Slutar (anställningen avslutas dagen före)" },
  { kind: "updated", title: "Ändrade" },
  { kind: "created", title: "Nya" },
];

/** "Hemtjänst Bredäng → Nattpatrullen", or the one value when it stays. */
function arrow(c: Change): string {
  if (c.before === c.after || c.before === null) return c.after ?? "";
  if (c.after === null) return c.before;
  return `${c.before} → ${c.after}`;
}

/**
 * What the staff list changes for each person, grouped: who leaves and why first (the step HR
 * most needs to check), then who changes (old → new), then who is new.
 */
export function StaffChanges({
  changes,
  downloadHref,
  openLeavers,
}: {
  changes: readonly StaffChange[];
  downloadHref: string | null;
  openLeavers: boolean;
}) {
  if (changes.length === 0) return null;
  return (
    <section aria-labelledby="changes-title">
      <h3 id="changes-title">Ändringar per person</h3>
      {downloadHref ? (
        <p>
          <a href={downloadHref} download>
            Ladda ned hela listan (
            {changes.length === 1 ? "1 ändring" : `${formatCount(changes.length)} ändringar`}, .csv)
          </a>
        </p>
      ) : null}
      {GROUPS.map(({ kind, title }) => {
        const rows = changes.filter((c) => c.kind === kind);
        if (rows.length === 0) return null;
        return (
          <details open={kind === "left" ? openLeavers || rows.length <= 20 : rows.length <= 20}>
            <summary>
              {title} ({formatCount(rows.length)})
            </summary>
            <TableWrap label={title}>
              <table class="changes">
                <thead>
                  <tr>
                    <th scope="col">Namn</th>
                    <th scope="col">Enhet</th>
                    <th scope="col">Befattning</th>
                    <th scope="col">E-post</th>
                    <th scope="col">{kind === "left" ? "Varför" : "Övrigt"}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.slice(0, CHANGES_SHOWN).map((c) => (
                    <tr>
                      <td>
                        {c.nameChange ? arrow(c.nameChange) : c.name}
                        {c.employeeNo ? <span class="muted"> ({c.employeeNo})</span> : null}
                      </td>
                      <td>{arrow(c.unit)}</td>
                      <td>{arrow(c.title)}</td>
                      <td>{c.emailChange ? arrow(c.emailChange) : (c.email ?? "")}</td>
                      <td>{c.note}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            {rows.length > CHANGES_SHOWN ? (
              <p class="muted">
                Visar {formatCount(CHANGES_SHOWN)} av {formatCount(rows.length)}; hela listan finns
                i nedladdningen.
              </p>
            ) : null}
          </details>
        );
      })}
    </section>
  );
}
