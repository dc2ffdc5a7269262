import { type AnnualFigures, figureDifference, sameFigures } from "../../src/domain/annual";
import type { UnitRef } from "../../src/domain/coverage";
import { percent } from "../../src/domain/coverage";
import type { AnnualReport, LockedReport } from "../../src/services/annual-report";
import { BarChart } from "../components/bar-chart";
import { DeepenedCourseSections } from "../components/deepened-courses";
import { Figure, signed } from "../components/figures";
import { formatCount, formatPercent } from "../format";
import { urls } from "../urls";

export interface AnnualReportView {
  report: AnnualReport;
  /** The unit the report is limited to (null: everything the user may see). */
  unit: UnitRef | null;
  /** Only for the whole organisation (chefs see their own units' figures, not the lock). */
  locked: LockedReport | null;
  canLock: boolean;
  yearIsOver: boolean;
  courseTitle: string;
  message?: { kind: "ok" | "error"; text: string } | null;
}

const LABELS: Array<[keyof AnnualFigures, string]> = [
  ["headcount", "Anställda 31 dec"],
  ["reached", "Påbörjat eller genomfört"],
  ["completed", "Genomfört"],
  ["reachedInYear", "Nådda under året"],
  ["deepened", "Fördjupade utbildningar"],
];

export function AnnualReportPage({
  report,
  unit,
  locked,
  canLock,
  yearIsOver,
  courseTitle,
  message,
}: AnnualReportView) {
  const { year } = report;
  return (
    <>
      <nav class="year-nav" aria-label="År">
        <a href={urls.annual(year - 1, unit?.id)}>← {year - 1}</a>{" "}
        <a href={urls.annual(year + 1, unit?.id)}>{year + 1} →</a>
        {unit ? <a href={urls.annual(year)}>Hela rapporten</a> : null}
      </nav>
      <h1>
        Årsrapport {year}
        {unit ? `: ${unit.name}` : ""}
      </h1>
      <p class="lead">
        {courseTitle}, per 31 december {year}.
      </p>
      {message ? <p class={`notice ${message.kind}`}>{message.text}</p> : null}
      <blockquote class="annual-sentence">{locked ? locked.sentence : report.sentence}</blockquote>
      <section class="figures" aria-label="Nyckeltal">
        {LABELS.map(([key, label]) => (
          <Figure
            label={label}
            value={formatCount(report[key])}
            change={`${signed(report.difference[key])} mot ${year - 1}`}
          />
        ))}
        <Figure
          label="Andel nådda"
          value={formatPercent(percent(report.reached, report.headcount))}
        />
      </section>
      <LockSection report={report} locked={locked} canLock={canLock} yearIsOver={yearIsOver} />
      <DeepenedCourseSections sections={report.deepenedCourses} />
      <p class="actions">
        <a href={urls.annualExport(year, unit?.id, "xlsx")}>Exportera (Excel)</a>
        <a href={urls.annualExport(year, unit?.id, "csv")}>Exportera (CSV)</a>
      </p>
      <div class="table-wrap">
        <table class="annual-table">
          <caption>Per enhet</caption>
          <thead>
            <tr>
              <th scope="col">Enhet</th>
              {LABELS.map(([, label]) => (
                <th scope="col" class="num">
                  {label}
                </th>
              ))}
              <th scope="col" class="num">
                Andel nådda
              </th>
            </tr>
          </thead>
          <tbody>
            {report.units.map((row) => (
              <tr>
                <th scope="row">
                  <a href={urls.annual(year, row.unit.id)}>{row.unit.name}</a>
                </th>
                {LABELS.map(([key]) => (
                  <td class="num">{formatCount(row[key])}</td>
                ))}
                <td class="num">{formatPercent(percent(row.reached, row.headcount))}</td>
                <td class="num">{signed(row.difference.reached)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted">
        Fördjupade utbildningar räknas per person och år, på enheten där personen var anställd på
        kursdagen; totalen räknar även deltagare som inte var anställda den dagen.
      </p>
      {report.units.length > 0 ? (
        <BarChart
          label={`Andel nådda per enhet 31 december ${year}`}
          bars={report.units.map((r) => ({
            label: r.unit.name,
            value: percent(r.reached, r.headcount),
          }))}
        />
      ) : null}
    </>
  );
}

function LockSection({
  report,
  locked,
  canLock,
  yearIsOver,
}: Omit<AnnualReportView, "courseTitle" | "message" | "unit">) {
  if (locked) {
    const changed = !sameFigures(locked.figures, report);
    const diff = figureDifference(report, locked.figures);
    return (
      <section class="lock-state" aria-label="Låst rapport">
        <p class="notice ok">
          Låst {locked.lockedAt?.slice(0, 10)} av {locked.lockedBy ?? "okänd"}. Den låsta siffran
          ändras inte.
        </p>
        {changed ? (
          <table class="lock-diff">
            <caption>Data har ändrats sedan låsningen</caption>
            <thead>
              <tr>
                <th scope="col">Mått</th>
                <th scope="col" class="num">
                  Låst
                </th>
                <th scope="col" class="num">
                  Beräknat nu
                </th>
                <th scope="col" class="num">
                  Skillnad
                </th>
              </tr>
            </thead>
            <tbody>
              {LABELS.map(([key, label]) => (
                <tr>
                  <th scope="row">{label}</th>
                  <td class="num">{formatCount(locked.figures[key])}</td>
                  <td class="num">{formatCount(report[key])}</td>
                  <td class="num">{signed(diff[key])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="muted">Beräknat på dagens data blir siffrorna desamma.</p>
        )}
        {changed ? <p class="muted">Beräknat på dagens data: {report.sentence}</p> : null}
      </section>
    );
  }
  if (!canLock) return <p class="muted">Rapporten är inte låst.</p>;
  if (!yearIsOver)
    return (
      <p class="muted">
        Året är inte slut än; rapporten kan låsas från 1 januari {report.year + 1}.
      </p>
    );
  return (
    <form method="post" action={urls.lock(report.year)} class="lock-form">
      <p>Låsningen sparar årets siffra och mening. Senare rättelser syns som en skillnad.</p>
      <button type="submit">Lås årsrapporten {report.year}</button>
    </form>
  );
}
