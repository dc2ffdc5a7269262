/** hr's exemptions: filters, the list (end, remove), add one, import a file. */
import type { Course } from "../../../db/schema";
import type { ExemptionFilter, ExemptionItem } from "../../../src/services/exemptions";
import { TargetUploadForm } from "./import";

export function ExemptionsPage(p: {
  items: ExemptionItem[];
  filter: ExemptionFilter;
  courses: Course[];
  today: string;
  notice: string | null;
  limitLabel: string;
}) {
  const f = p.filter;
  return (
    <>
      <h1>Undantag</h1>
      <p>
        Under undantagets period räknas personen inte med bland dem som ska gå kursen (eller någon
        kurs, när undantaget gäller alla). Siffrorna redovisar hur många som är undantagna.
      </p>
      {p.notice ? (
        <p class="notice ok" role="status">
          {p.notice}
        </p>
      ) : null}
      <form method="get" action="/malgrupper/undantag" class="stack">
        <label for="person">Person (anställningsnummer eller namn)</label>
        <input id="person" name="person" type="search" value={f.person ?? ""} maxlength={100} />
        <label for="kurs">Kurs</label>
        <select id="kurs" name="kurs">
          <option value="">Alla undantag</option>
          <option value="alla" selected={f.course === "alla"}>
            Undantag från alla kurser
          </option>
          {p.courses.map((c) => (
            <option value={c.id} selected={f.course === c.id}>
              {c.title}
            </option>
          ))}
        </select>
        <label>
          <input type="checkbox" name="aktiva" value="1" checked={f.activeOn !== undefined} /> Bara
          de som gäller i dag ({p.today})
        </label>
        <button type="submit">Visa</button>
      </form>
      {p.items.length === 0 ? (
        <p class="muted">Inga undantag.</p>
      ) : (
        <table>
          <caption>{p.items.length} undantag</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Kurs</th>
              <th scope="col">Från</th>
              <th scope="col">Till</th>
              <th scope="col">Orsak</th>
              <th scope="col">Ändra</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((e) => (
              <tr>
                <th scope="row">
                  {e.personName} {e.employeeNo ? `(${e.employeeNo})` : ""}
                </th>
                <td>{e.courseTitle ?? "Alla kurser"}</td>
                <td>{e.fromDate}</td>
                <td>{e.toDate ?? "tills vidare"}</td>
                <td>{e.reason}</td>
                <td>
                  <form
                    method="post"
                    action={`/malgrupper/undantag/${e.id}/avsluta`}
                    class="inline"
                  >
                    <label for={`end-${e.id}`} class="visually-hidden">
                      Sista dag för {e.personName}
                    </label>
                    <input id={`end-${e.id}`} name="toDate" type="date" value={p.today} required />
                    <button type="submit" class="secondary">
                      Avsluta
                    </button>
                  </form>
                  <form
                    method="post"
                    action={`/malgrupper/undantag/${e.id}/ta-bort`}
                    class="inline"
                  >
                    <button type="submit" class="secondary">
                      Ta bort<span class="visually-hidden"> undantaget för {e.personName}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Lägg till ett undantag</h2>
      <form method="post" action="/malgrupper/undantag" class="stack">
        <label for="new-person">Person (anställningsnummer eller namn)</label>
        <input id="new-person" name="person" type="text" required maxlength={100} />
        <label for="new-course">Kurs</label>
        <select id="new-course" name="courseId">
          <option value="">Alla kurser</option>
          {p.courses.map((c) => (
            <option value={c.id}>{c.title}</option>
          ))}
        </select>
        <label for="new-from">Från</label>
        <input id="new-from" name="fromDate" type="date" value={p.today} required />
        <label for="new-to">Till och med (tomt = tills vidare)</label>
        <input id="new-to" name="toDate" type="date" />
        <label for="new-reason">Orsak</label>
        <input id="new-reason" name="reason" type="text" required maxlength={300} list="reasons" />
        <datalist id="reasons">
          <option value="Föräldraledighet" />
          <option value="Långtidssjukskrivning" />
          <option value="Tjänstledighet" />
          <option value="Kort uppdrag" />
        </datalist>
        <button type="submit">Lägg till</button>
      </form>
      <TargetUploadForm kind="exemptions" limitLabel={p.limitLabel} />
    </>
  );
}
