import type { TrendPoint } from "../../src/domain/trend";
import type { CoverageResult } from "../../src/services/coverage";
import type { CoverageWithTrend } from "../../src/services/coverage-page";
import type { UnitOption } from "../../src/services/units";
import { BarChart } from "../components/bar-chart";
import { CoverageTable } from "../components/coverage-table";
import { DeepenedTable } from "../components/deepened-table";
import { Figure } from "../components/figures";
import { LineChart } from "../components/line-chart";
import { TargetGroupNote } from "../components/target-group-note";
import { formatCount, formatPercent } from "../format";
import { urls } from "../urls";

export interface CoverageView {
  result: CoverageResult;
  /** The course selector's options and the `kurs` value links carry (null = the mandatory course). */
  courses: Array<{ id: string; title: string }>;
  coursePart: string | null;
  trend: TrendPoint[];
  deepened: CoverageWithTrend["deepened"];
  units: UnitOption[];
  courseTitle: string;
  asOfLabel: string;
  notice?: string | null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const monthLabel = (date: string) => `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(2, 4)}`;

/** The whole page: a GET form (works without JS; htmx swaps only #coverage-result). */
export function CoveragePage(view: CoverageView) {
  const { result, units } = view;
  const minDepth = Math.min(...units.map((u) => u.depth));
  return (
    <>
      <h1>Täckning</h1>
      <form
        method="get"
        action="/tackning"
        class="inline report-filter"
        hx-get="/tackning"
        hx-trigger="change delay:700ms"
        hx-target="#coverage-result"
        hx-swap="outerHTML"
        hx-push-url="true"
        hx-sync="this:replace"
      >
        <div>
          <label for="kurs">Kurs</label>
          <select id="kurs" name="kurs">
            {view.courses.map((k) => (
              <option value={k.id} selected={result.course === k.id}>
                {k.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="enhet">Enhet</label>
          <select id="enhet" name="enhet">
            <option value="">Alla mina enheter</option>
            {units.map((u) => (
              <option value={String(u.id)} selected={result.unit?.id === u.id}>
                {`${"\u00a0\u00a0".repeat(u.depth - minDepth)}${u.name}`}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="datum">Per datum</label>
          <input id="datum" name="datum" type="date" value={result.asOf} required />
        </div>
        <button type="submit">Visa</button>
      </form>
      <CoverageResultView {...view} />
    </>
  );
}

/** The part htmx swaps when the unit or date changes. */
export function CoverageResultView({
  result,
  trend,
  deepened,
  courseTitle,
  asOfLabel,
  notice,
  coursePart,
}: CoverageView) {
  const unitId = result.unit?.id ?? null;
  const latest = trend.at(-1);
  return (
    <div id="coverage-result">
      {notice ? <p class="notice error">{notice}</p> : null}
      <h2>{result.unit ? result.unit.name : "Alla mina enheter"}</h2>
      <p class="lead">
        {courseTitle}, per {asOfLabel}.
      </p>
      <TargetGroupNote result={result} />
      <section class="figures" aria-label="Nyckeltal">
        <Figure
          label={result.targetGroupApplies ? "I målgruppen" : "Anställda"}
          value={formatCount(result.headcount)}
        />
        <Figure label="Påbörjat eller genomfört" value={formatCount(result.reached)} />
        <Figure label="Genomfört" value={formatCount(result.completed)} />
        <Figure label="Ej påbörjat" value={formatCount(result.notStarted)} />
        <Figure label="Andel nådda" value={formatPercent(result.percentReached)} />
        {result.targetGroupApplies ? (
          <>
            <Figure label="Försenade" value={formatCount(result.overdue)} />
            <Figure label="Undantagna" value={formatCount(result.exempt)} />
          </>
        ) : null}
      </section>
      <p class="actions">
        {result.unit ? (
          <a class="button" href={urls.staff(result.unit.id, result.asOf, { course: coursePart })}>
            Personal och status
          </a>
        ) : null}{" "}
        <a href={urls.coverageExport(unitId, result.asOf, "xlsx", coursePart)}>
          Exportera tabell (Excel)
        </a>{" "}
        <a href={urls.coverageExport(unitId, result.asOf, "csv", coursePart)}>
          Exportera tabell (CSV)
        </a>
      </p>
      {result.children.length > 0 ? (
        <>
          <CoverageTable
            rows={result.children}
            caption="Per enhet"
            unitHref={(u) => urls.coverage(u.id, result.asOf, coursePart)}
            staffHref={(u) => urls.staff(u.id, result.asOf, { course: coursePart })}
            targetColumns={result.targetGroupApplies}
          />
          <figure class="chart-figure">
            <BarChart
              label="Andel nådda per enhet"
              bars={result.children.map((c) => ({ label: c.unit.name, value: c.percentReached }))}
            />
            <figcaption>Andel av de anställda som påbörjat eller genomfört, per enhet.</figcaption>
          </figure>
        </>
      ) : (
        <p class="muted">Inga underliggande enheter.</p>
      )}
      <figure class="chart-figure">
        <LineChart
          label={`Andel nådda över tid${latest ? `, senast ${formatPercent(latest.percentReached)}` : ""}`}
          points={trend.map((p) => ({
            label: monthLabel(p.date),
            value: p.percentReached,
            title: p.date,
          }))}
        />
        <figcaption>Andel nådda vid varje månadsskifte fram till valt datum.</figcaption>
      </figure>
      <DeepenedTable
        years={deepened.years}
        rows={deepened.rows}
        selectionLabel={result.unit ? `${result.unit.name} totalt` : "Totalt"}
      />
      <p class="muted">
        Räknas på enheten där personen var anställd på kursdagen; i år till och med valt datum.
      </p>
      <details>
        <summary>Utvecklingen som tabell</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Datum</th>
              <th scope="col" class="num">
                Anställda
              </th>
              <th scope="col" class="num">
                Påbörjat eller genomfört
              </th>
              <th scope="col" class="num">
                Andel nådda
              </th>
            </tr>
          </thead>
          <tbody>
            {trend.map((p) => (
              <tr>
                <td>{p.date}</td>
                <td class="num">{formatCount(p.headcount)}</td>
                <td class="num">{formatCount(p.reached)}</td>
                <td class="num">{formatPercent(p.percentReached)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
