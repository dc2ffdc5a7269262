/**
 * "Om siffrorna": how the annual figures are counted and how fresh the data behind them is,
 * so a printed report attached to the annual review explains itself.
 */
import type { DataFreshness } from "../../src/domain/annual-lock";

export function freshnessLine(f: DataFreshness): string {
  return `Personaldata per ${f.staffAsOf ?? "– (ingen personalförteckning importerad)"}, kursdata per ${f.coursesAsOf ?? "– (ingen kursfil importerad)"}.`;
}

export function ReportMethod({
  asOf,
  courseTitle,
  freshness,
  lockedFreshness,
}: {
  asOf: string;
  courseTitle: string;
  /** The data today. */
  freshness: DataFreshness;
  /** For a locked report: the data when it was locked (undefined: not locked; null: not kept). */
  lockedFreshness?: DataFreshness | null;
}) {
  return (
    <section class="report-method" aria-labelledby="method-heading">
      <h2 id="method-heading">Om siffrorna</h2>
      <ul>
        <li>
          Anställda: personer med en anställning som gäller {asOf}, i enheten och dess underenheter.
          En person räknas en gång även med flera anställningar.
        </li>
        <li>
          Påbörjat eller genomfört (nådda): av de anställda, de som påbörjat eller genomfört{" "}
          {courseTitle} senast {asOf}. Genomfört: de som genomfört den.
        </li>
        <li>Nådda under året: anställda vars första start eller genomförande ligger under året.</li>
        <li>
          Fördjupade utbildningar: personer med minst ett genomförande av en fördjupad utbildning
          under året, på enheten där de var anställda på kursdagen.
        </li>
        <li>Förändring: skillnaden mot samma siffra 31 december föregående år.</li>
      </ul>
      {lockedFreshness !== undefined ? (
        <p class="freshness">
          Vid låsningen:{" "}
          {lockedFreshness ? freshnessLine(lockedFreshness) : "uppgiften sparades inte."} I dag:{" "}
          {freshnessLine(freshness)}
        </p>
      ) : (
        <p class="freshness">{freshnessLine(freshness)}</p>
      )}
    </section>
  );
}
