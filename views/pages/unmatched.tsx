import type { UnmatchedRow } from "../../src/services/imports/unmatched";
import { Notices } from "../components/notices";

export interface UnmatchedPageProps {
  rows: UnmatchedRow[];
  courseTitles: Map<string, string>;
  error?: string | null;
  notice?: string | null;
}

/** Rows that matched no person: link each to a person (remembered) or dismiss it. */
export function UnmatchedPage({ rows, courseTitles, error, notice }: UnmatchedPageProps) {
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
        <table>
          <thead>
            <tr>
              <th>Import, rad</th>
              <th>Namn</th>
              <th>E-post</th>
              <th>Kurs</th>
              <th>Påbörjad</th>
              <th>Genomförd</th>
              <th>Koppla till</th>
              <th></th>
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
                <td>{r.courseId ? (courseTitles.get(r.courseId) ?? r.courseId) : ""}</td>
                <td>{r.startedOn ?? ""}</td>
                <td>{r.completedOn ?? ""}</td>
                <td>
                  <form method="post" action={`/imports/unmatched/${r.id}/link`} class="inline">
                    <label for={`person-${r.id}`} class="visually-hidden">
                      Anställningsnummer, e-post eller namn
                    </label>
                    <input
                      id={`person-${r.id}`}
                      name="person"
                      required
                      list={`people-${r.id}`}
                      placeholder="Anst.nr, e-post eller namn"
                      hx-get="/imports/people"
                      hx-trigger="input changed delay:300ms"
                      hx-target={`#people-${r.id}`}
                      hx-swap="innerHTML"
                    />
                    <datalist id={`people-${r.id}`}></datalist>
                    <button type="submit">Koppla</button>
                  </form>
                </td>
                <td>
                  <form method="post" action={`/imports/unmatched/${r.id}/dismiss`} class="inline">
                    <button type="submit" class="secondary">
                      Avfärda
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href="/imports">Tillbaka till importer</a>
      </p>
    </>
  );
}
