import type { CoverageResult } from "../../src/services/coverage";
import { CoverageTable } from "../components/coverage-table";
import { Figure } from "../components/figures";
import { formatCount, formatPercent } from "../format";

export interface HomePageProps {
  coverage: CoverageResult;
  courseTitle: string;
  asOfLabel: string;
}

export function HomePage({ coverage, courseTitle, asOfLabel }: HomePageProps) {
  return (
    <>
      <h1>Täckning just nu</h1>
      <p class="lead">
        {courseTitle}, per {asOfLabel}.
      </p>
      <section class="figures" aria-label="Nyckeltal">
        <Figure label="Anställda" value={formatCount(coverage.headcount)} />
        <Figure label="Påbörjat eller genomfört" value={formatCount(coverage.reached)} />
        <Figure label="Genomfört" value={formatCount(coverage.completed)} />
        <Figure label="Andel nådda" value={formatPercent(coverage.percentReached)} />
      </section>
      {coverage.children.length > 0 ? (
        <CoverageTable rows={coverage.children} caption="Per avdelning" />
      ) : (
        <p>Inga enheter ännu. Importera en personalförteckning för att komma igång.</p>
      )}
    </>
  );
}
