/** Målgrupper: the courses with their rules, and links to unit attributes and exemptions. */
import type { CourseRuleCount } from "../../../src/services/requirement-rules";
import { TargetUploadForm } from "./import";

function rulesText(c: CourseRuleCount): string {
  if (c.rules === 0) return "Inga regler – ingen måste gå kursen";
  if (c.everyone && c.rules === 1) return "Alla medarbetare";
  return `${c.rules} ${c.rules === 1 ? "regel" : "regler"}`;
}

export function TargetGroupsPage(p: {
  courses: CourseRuleCount[];
  notice: string | null;
  limitLabel: string;
}) {
  return (
    <>
      <h1>Målgrupper</h1>
      <p>
        Vem som måste gå en kurs räknas fram för varje datum ur personens anställning och kursens
        regler. Undantagna (t.ex. föräldralediga) räknas inte med under undantagets period.
      </p>
      {p.notice ? (
        <p class="notice ok" role="status">
          {p.notice}
        </p>
      ) : null}
      <ul>
        <li>
          <a href="/malgrupper/enheter">Enheternas funktionsnivå och taggar</a>
        </li>
        <li>
          <a href="/malgrupper/undantag">Undantag</a>
        </li>
      </ul>
      <h2>Kurskrav</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Kurs</th>
            <th scope="col">Vilka måste gå den</th>
          </tr>
        </thead>
        <tbody>
          {p.courses.map((c) => (
            <tr>
              <th scope="row">
                <a href={`/malgrupper/kurs/${encodeURIComponent(c.id)}`}>{c.title}</a>
              </th>
              <td>{rulesText(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <TargetUploadForm kind="requirements" limitLabel={p.limitLabel} />
    </>
  );
}
