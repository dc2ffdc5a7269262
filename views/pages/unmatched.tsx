import type { UnmatchedRow } from "../../src/services/imports/unmatched";
import { Notices } from "../components/notices";
import { TableWrap } from "../components/table-wrap";

export interface UnmatchedPageProps {
  rows: UnmatchedRow[];
  /** Row id → why it matched no one. */
  reasons: Map<number, string>;
  courseTitles: Map<string, string>;
  error?: string | null;
  notice?: string | null;
}

/** Rows that matched no person: link each to a person (remembered) or dismiss it. */
export function UnmatchedPage({ rows, reasons, courseTitles, error, notice }: UnmatchedPageProps) {
  return (
    <>
      <h1>Omatchade rader</h1>
      <p class="lead">
        Rader ur kursfiler som inte gick att koppla till någon anställd. Koppla raden till rätt
        person – kopplingen sparas och används vid nästa import – eller avfärda den.
      </p>
      <Notices error={error} notice={notice} />
      {rows.length === 0 ? (
        <p>Inga rader väntar.</p>
      ) : (
        <TableWrap label={"Omatchade rader"}>
          <table class="unmatched">
            <thead>
              <tr>
                <th scope="col">Import, rad</th>
                <th scope="col">Namn</th>
                <th scope="col">E-post</th>
                <th scope="col">Anst.nr</th>
                <th scope="col">Kurs</th>
                <th scope="col">Påbörjad</th>
                <th scope="col">Genomförd</th>
                <th scope="col">Varför omatchad</th>
                <th scope="col">Koppla till</th>
                <th scope="col">Avfärda</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr id={`unmatched-${r.id}`}>
                  <td>
                    {r.importId}, rad {r.rowNumber}
                  </td>
                  <td>{r.name ?? ""}</td>
                  <td>{r.email ?? ""}</td>
                  <td>{r.employeeNo ?? ""}</td>
                  <td>{r.courseId ? (courseTitles.get(r.courseId) ?? r.courseId) : ""}</td>
                  <td>{r.startedOn ?? ""}</td>
                  <td>{r.completedOn ?? ""}</td>
                  <td>{reasons.get(r.id) ?? ""}</td>
                  <td>
                    <LinkForm row={r} />
                  </td>
                  <td>
                    {/* A confirmation page first: a dismissed row is not queued again. */}
                    <a
                      href={`/imports/unmatched/${r.id}/dismiss`}
                      class="button"
                      aria-label={`Avfärda raden för ${r.name ?? r.email ?? "okänd person"} …`}
                    >
                      Avfärda …
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <p>
        <a href="/imports">Tillbaka till importer</a>
      </p>
    </>
  );
}

function LinkForm({ row: r }: { row: UnmatchedRow }) {
  return (
    <form method="post" action={`/imports/unmatched/${r.id}/link`} class="inline">
      <input
        id={`person-${r.id}`}
        name="person"
        required
        list={`people-${r.id}`}
        // Labelled without a hidden <label>: absolutely placed, it would widen a phone page
        // from inside the table's scroll box.
        aria-label={`Koppla raden för ${r.name ?? r.email ?? "okänd person"} till: anställningsnummer, e-post eller namn`}
        placeholder="Anst.nr, e-post eller namn"
        hx-get="/imports/people"
        hx-trigger="input changed delay:300ms"
        hx-target={`#people-${r.id}`}
        hx-swap="innerHTML"
      />
      <datalist id={`people-${r.id}`}></datalist>
      <button type="submit">Koppla</button>
    </form>
  );
}

/** Asked before a row is dismissed: which row, why it is here, and what dismissing means. */
export function DismissConfirm(p: {
  row: UnmatchedRow;
  courseTitle: string | null;
  reason: string;
}) {
  const r = p.row;
  return (
    <section class="preview" aria-labelledby="dismiss-title">
      <h1 id="dismiss-title">Avfärda raden för {r.name ?? r.email ?? "okänd person"}?</h1>
      <dl class="confirm-summary">
        <dt>Import, rad</dt>
        <dd>
          {r.importId}, rad {r.rowNumber}
        </dd>
        <dt>E-post</dt>
        <dd>{r.email ?? "–"}</dd>
        <dt>Anställningsnummer</dt>
        <dd>{r.employeeNo ?? "–"}</dd>
        <dt>Kurs</dt>
        <dd>{p.courseTitle ?? "–"}</dd>
        <dt>Påbörjad, genomförd</dt>
        <dd>
          {r.startedOn ?? "–"}, {r.completedOn ?? "–"}
        </dd>
        <dt>Varför omatchad</dt>
        <dd>{p.reason}</dd>
      </dl>
      <p>
        Raden kopplas inte till någon och räknas inte i någon siffra. Den försvinner ur kön, och
        samma rad i en senare kursexport läggs inte i kön igen. Ångras importen tas raden bort helt.
      </p>
      <form method="post" action={`/imports/unmatched/${r.id}/dismiss`} class="inline">
        <button type="submit">Ja, avfärda raden</button> <a href="/imports/unmatched">Avbryt</a>
      </form>
    </section>
  );
}
