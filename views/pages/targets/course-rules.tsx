/** One course's requirement rules in words, with add and remove (admin/hr). */
import type { Course } from "../../../db/schema";
import { FUNCTION_LEVEL_LABEL } from "../../../src/domain/function-level";
import type { RuleView } from "../../../src/services/requirement-rules";
import type { UnitOption } from "../../../src/services/units";

export function CourseRulesPage(p: {
  course: Course;
  rules: RuleView[];
  units: UnitOption[];
  notice: string | null;
}) {
  const base = `/malgrupper/kurs/${encodeURIComponent(p.course.id)}`;
  return (
    <>
      <h1>Kurskrav: {p.course.title}</h1>
      <p>
        En medarbetare måste gå kursen när hens anställning passar minst en regel. Villkoren i en
        regel gäller samtidigt; tomma villkor betyder alla. Har flera regler deadline gäller den
        tidigaste.
      </p>
      {p.notice ? (
        <p class="notice ok" role="status">
          {p.notice}
        </p>
      ) : null}
      {p.rules.length === 0 ? (
        <p class="notice">Kursen har inga regler: ingen måste gå den.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Regel</th>
              <th scope="col">Källa</th>
              <th scope="col">
                <span class="visually-hidden">Ta bort</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.rules.map((r) => (
              <tr>
                <td>{r.words}</td>
                <td>
                  {r.fromImport ? `Import nr ${r.fromImport}` : "Inlagd här eller från katalogen"}
                </td>
                <td>
                  <form method="post" action={`${base}/regler/${r.id}/ta-bort`} class="inline">
                    <button type="submit" class="secondary">
                      Ta bort<span class="visually-hidden"> regeln {r.words}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Lägg till en regel</h2>
      <form method="post" action={`${base}/regler`} class="stack">
        <label for="unitId">Enhet (med alla enheter under)</label>
        <select id="unitId" name="unitId">
          <option value="">Alla enheter</option>
          {p.units.map((u) => (
            <option value={String(u.id)}>
              {"\u00a0\u00a0".repeat(u.depth)}
              {u.name}
              {u.code ? ` (${u.code})` : ""}
            </option>
          ))}
        </select>
        <label for="functionLevel">Funktionsnivå</label>
        <select id="functionLevel" name="functionLevel">
          <option value="">Alla</option>
          <option value="forebyggande">{FUNCTION_LEVEL_LABEL.forebyggande}</option>
          <option value="forhindrande">{FUNCTION_LEVEL_LABEL.forhindrande}</option>
        </select>
        <label for="tag">Tagg</label>
        <input id="tag" name="tag" type="text" maxlength={100} />
        <label for="titlePattern">
          Befattning (* betyder vad som helst, t.ex. Socialsekreterare*)
        </label>
        <input id="titlePattern" name="titlePattern" type="text" maxlength={200} />
        <label for="deadline">Deadline (datum)</label>
        <input id="deadline" name="deadline" type="date" />
        <label for="daysAfterStart">eller inom så många dagar från anställningens start</label>
        <input id="daysAfterStart" name="daysAfterStart" type="number" min="0" max="3650" />
        <button type="submit">Lägg till regeln</button>
      </form>
      <p>
        <a href="/malgrupper">Tillbaka till målgrupper</a>
      </p>
    </>
  );
}
