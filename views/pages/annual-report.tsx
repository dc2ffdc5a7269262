import { hasData, lockDay, lockLine } from "../../src/domain/annual-lock";
import type { UnitRef } from "../../src/domain/coverage";
import { percent } from "../../src/domain/coverage";
import type { ShownAnnualReport } from "../../src/services/annual-report-view";
import { RecomputedSection } from "../components/annual-lock";
import { AnnualUnitTable, annualLabels } from "../components/annual-table";
import { BarChart } from "../components/bar-chart";
import { DeepenedCourseSections } from "../components/deepened-courses";
import { Figure, signed } from "../components/figures";
import { ReportMethod } from "../components/report-method";
import { formatCount, formatPercent } from "../format";
import { urls } from "../urls";

export interface AnnualReportView {
  shown: ShownAnnualReport;
  /** The unit the report is limited to (null: everything the user may see). */
  unit: UnitRef | null;
  /** ledning/admin on the whole organisation's report. */
  canLock: boolean;
  courseTitle: string;
  message?: { kind: "ok" | "error"; text: string } | null;
}

/** "31 december 2025", or the day of a year still in progress. */
function asOfText(shown: ShownAnnualReport): string {
  return shown.state === "over" ? `31 december ${shown.report.year}` : shown.report.asOf;
}

export function AnnualReportPage({ shown, unit, canLock, courseTitle, message }: AnnualReportView) {
  const { report } = shown;
  const { year } = report;
  const labels = annualLabels(shown.state === "over" ? "Anställda 31 dec" : "Anställda i dag");
  return (
    <>
      <link rel="stylesheet" href="/static/report.css" />
      <link rel="stylesheet" href="/static/report-print.css" media="print" />
      <script src="/static/plan-print.js" defer></script>
      <nav class="year-nav no-print" aria-label="År">
        <a href={urls.annual(year - 1, unit?.id)}>← {year - 1}</a>{" "}
        <a href={urls.annual(year + 1, unit?.id)}>{year + 1} →</a>
        {unit ? <a href={urls.annual(year)}>Hela rapporten</a> : null}
      </nav>
      <h1>
        Årsrapport {year}
        {unit ? `: ${unit.name}` : ""}
      </h1>
      {message ? <p class={`notice ${message.kind}`}>{message.text}</p> : null}
      {shown.state === "not_begun" ? (
        <p class="notice">
          Året {year} har inte börjat än; det finns inga siffror att visa.{" "}
          <a href={urls.annual(year - 1, unit?.id)}>Till årsrapport {year - 1}</a>
        </p>
      ) : (
        <>
          <p class="lead">
            {courseTitle}, {shown.state === "in_progress" ? "preliminärt " : ""}per{" "}
            {asOfText(shown)}.
          </p>
          {shown.state === "in_progress" ? (
            <p class="notice">
              Året pågår: siffrorna gäller i dag och ändras fram till 31 december. Rapporten kan
              låsas från 1 januari {year + 1}.
            </p>
          ) : null}
          <LockNotice shown={shown} unit={unit} canLock={canLock} />
          <blockquote class="annual-sentence">{report.sentence}</blockquote>
          <section class="figures" aria-label="Nyckeltal">
            {labels.map(([key, label]) => (
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
          {/* Target groups are not part of a lock: these sections always count today's data. */}
          <DeepenedCourseSections sections={shown.fresh.deepenedCourses} />
          <p class="actions no-print">
            <a href={urls.annualExport(year, unit?.id, "xlsx")}>Exportera (Excel)</a>
            <a href={urls.annualExport(year, unit?.id, "csv")}>Exportera (CSV)</a>
            <button type="button" data-print>
              Skriv ut
            </button>
          </p>
          <AnnualUnitTable
            year={year}
            rows={report.units}
            headcountLabel={labels[0]![1]}
            caption={shown.showsLock ? "Per enhet (låsta siffror)" : "Per enhet"}
          />
          <p class="muted">
            Fördjupade utbildningar räknas per person och år, på enheten där personen var anställd
            på kursdagen; totalen räknar även deltagare som inte var anställda den dagen.
            {shown.summed
              ? " Totalen är summan av dina enheters låsta siffror (en person med anställningar i två av dem räknas i båda)."
              : ""}
          </p>
          {report.units.length > 0 ? (
            <BarChart
              label={`Andel nådda per enhet ${asOfText(shown)}`}
              bars={report.units.map((r) => ({
                label: r.unit.name,
                value: percent(r.reached, r.headcount),
              }))}
            />
          ) : null}
          {shown.showsLock ? (
            <RecomputedSection report={report} fresh={shown.fresh} labels={labels} />
          ) : null}
          <ReportMethod
            asOf={report.asOf}
            courseTitle={courseTitle}
            freshness={shown.freshness}
            lockedFreshness={
              shown.showsLock ? (shown.locked?.figures.freshness ?? null) : undefined
            }
          />
        </>
      )}
    </>
  );
}

/** Locked or not, and what can be done about it. */
function LockNotice({
  shown,
  unit,
  canLock,
}: Pick<AnnualReportView, "shown" | "unit" | "canLock">) {
  const { locked, report } = shown;
  if (locked && shown.showsLock) {
    const whose = unit ? `för ${unit.name} ` : "";
    return (
      <p class="notice ok lock-state">
        {lockLine(locked)}. Siffrorna {whose}på sidan är de låsta och ändras inte; en senare
        rättelse syns under "Beräknat nu".
      </p>
    );
  }
  if (locked) {
    return (
      <p class="notice lock-state">
        Årsrapporten låstes {lockDay(locked)} av {locked.lockedBy ?? "okänd"}, men enheten fanns
        inte med när den låstes. Siffrorna här är beräknade på dagens data.
      </p>
    );
  }
  if (shown.state !== "over") return null;
  if (!hasData(report)) {
    return (
      <p class="notice lock-state">
        Det finns inga uppgifter om anställda eller utbildningar för {report.year}; det finns inget
        att låsa.
      </p>
    );
  }
  if (!canLock) return <p class="muted lock-state">Rapporten är inte låst.</p>;
  return (
    <p class="lock-state no-print">
      Rapporten är inte låst.{" "}
      <a class="button" href={urls.lock(report.year)}>
        Lås årsrapporten {report.year} …
      </a>
    </p>
  );
}
