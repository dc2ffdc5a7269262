/**
 * The confirmation before locking: what exactly will be locked (the sentence, the figures,
 * how fresh the data is) and that it cannot be undone. The form carries the figures shown,
 * so a lock of other figures (data changed meanwhile) is refused rather than done silently.
 */
import type { AnnualFigures } from "../../src/domain/annual";
import type { DataFreshness } from "../../src/domain/annual-lock";
import type { AnnualReport } from "../../src/services/annual-report";
import { annualLabels } from "../components/annual-table";
import { freshnessLine } from "../components/report-method";
import { formatCount } from "../format";
import { urls } from "../urls";

export function AnnualLockConfirmPage({
  report,
  freshness,
}: {
  report: AnnualReport;
  freshness: DataFreshness;
}) {
  const { year } = report;
  const labels: Array<[keyof AnnualFigures, string]> = annualLabels("Anställda 31 dec");
  return (
    <>
      <link rel="stylesheet" href="/static/report.css" />
      <h1>Lås årsrapporten {year}?</h1>
      <p class="lead">
        Det här låses per 31 december {year}, för hela förvaltningen; varje enhets siffror låses
        också, så att enheternas rapporter för {year} visar samma låsta siffror.
      </p>
      <blockquote class="annual-sentence">{report.sentence}</blockquote>
      <dl class="lock-summary">
        {labels.map(([key, label]) => (
          <>
            <dt>{label}</dt>
            <dd>{formatCount(report[key])}</dd>
          </>
        ))}
      </dl>
      <p>{freshnessLine(freshness)}</p>
      <p class="notice">
        En låst årsrapport kan inte ändras eller låsas upp. Rättelser som importeras senare visas
        som en skillnad under "Beräknat nu", aldrig i de låsta siffrorna.
      </p>
      <form method="post" action={urls.lock(year)} class="lock-form">
        <input type="hidden" name="bekrafta" value="ja" />
        <input type="hidden" name="anstallda" value={String(report.headcount)} />
        <input type="hidden" name="nadda" value={String(report.reached)} />
        <button type="submit">Ja, lås årsrapporten {year}</button>{" "}
        <a href={urls.annual(year)}>Avbryt</a>
      </form>
    </>
  );
}
