/**
 * The chef's start page (issue 16): their unit's figure and who has not started, with the
 * e-mail addresses ready for a reminder — the first thing a unit manager comes for.
 */

import type { UnitRef } from "../../src/domain/coverage";
import type { RemainingInUnit } from "../../src/services/chef-start";
import type { CoverageResult } from "../../src/services/coverage";
import { CopyAddresses } from "../components/copy-addresses";
import { CoverageTable } from "../components/coverage-table";
import { Figure } from "../components/figures";
import { formatCount, formatPercent } from "../format";
import { urls } from "../urls";

/** On the start page; the whole list is one click away in the staff list. */
export const START_LIST_LIMIT = 50;

export interface ChefHomeProps {
  unit: UnitRef | null;
  coverage: CoverageResult;
  units: RemainingInUnit[];
  courseTitle: string;
  asOf: string;
  asOfLabel: string;
}

export function ChefHomePage(props: ChefHomeProps) {
  const { unit, coverage, units, courseTitle, asOf, asOfLabel } = props;
  if (units.length === 0) {
    return (
      <>
        <h1>Välkommen</h1>
        <p class="notice">
          Du har inga enheter tilldelade ännu. Be en administratör att koppla ditt konto till de
          enheter du är chef för.
        </p>
      </>
    );
  }
  return (
    <>
      <script src="/static/copy-addresses.js" defer></script>
      <link rel="stylesheet" href="/static/staff.css" />
      <h1>{unit ? unit.name : "Dina enheter"}</h1>
      <p class="lead">
        {courseTitle}, per {asOfLabel}.
      </p>
      <section class="figures" aria-label="Nyckeltal">
        <Figure label="Anställda" value={formatCount(coverage.headcount)} />
        <Figure label="Påbörjat eller genomfört" value={formatCount(coverage.reached)} />
        <Figure label="Har inte påbörjat" value={formatCount(coverage.notStarted)} />
        <Figure label="Andel nådda" value={formatPercent(coverage.percentReached)} />
      </section>
      {units.map((u) => (
        <RemainingSection entry={u} asOf={asOf} withUnitName={units.length > 1} />
      ))}
      {coverage.children.length > 0 && (unit === null || coverage.children.length > 1) ? (
        <CoverageTable
          rows={coverage.children}
          caption={unit ? "Per enhet" : "Dina enheter"}
          unitHref={(u) => urls.coverage(u.id, asOf)}
          staffHref={(u) => urls.staff(u.id, asOf, { onlyRemaining: true })}
        />
      ) : null}
    </>
  );
}

function RemainingSection({
  entry,
  asOf,
  withUnitName,
}: {
  entry: RemainingInUnit;
  asOf: string;
  withUnitName: boolean;
}) {
  const { unit, remaining, headcount } = entry;
  const headingId = `kvar-${unit.id}`;
  const shown = remaining.slice(0, START_LIST_LIMIT);
  const addresses = remaining.map((r) => r.email).filter((e): e is string => !!e);
  const withoutEmail = remaining.length - addresses.length;
  return (
    <section class="remaining" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {withUnitName ? `${unit.name}: ` : ""}
        {remaining.length === 0
          ? "alla har påbörjat"
          : `${formatCount(remaining.length)} har inte påbörjat`}
      </h2>
      {remaining.length === 0 ? (
        <p>
          {headcount === 0
            ? "Inga anställda på det här datumet."
            : `Alla ${formatCount(headcount)} anställda har påbörjat eller genomfört utbildningen.`}
        </p>
      ) : (
        <>
          <CopyAddresses id={`adresser-${unit.id}`} addresses={addresses} />
          {withoutEmail > 0 ? (
            <p class="notice">
              {withoutEmail === 1
                ? "1 person saknar e-postadress"
                : `${formatCount(withoutEmail)} personer saknar e-postadress`}{" "}
              i personalförteckningen och behöver påminnas på annat sätt.
            </p>
          ) : null}
          {remaining.length > shown.length ? (
            <p>
              De första {shown.length} av {formatCount(remaining.length)}, efter efternamn.
            </p>
          ) : null}
          <table class="remaining-table cards">
            {/* The section's heading says it; the caption is for screen readers' table lists. */}
            <caption class="visually-hidden">Har inte påbörjat</caption>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">E-post</th>
                <th scope="col">Befattning</th>
                <th scope="col">Anställd sedan</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={urls.person(r.personId, asOf)}>{r.name}</a>
                  </th>
                  <td data-label="E-post">
                    {r.email ? <a href={`mailto:${r.email}`}>{r.email}</a> : "saknas"}
                  </td>
                  <td data-label="Befattning">{r.title ?? ""}</td>
                  <td data-label="Anställd sedan">{r.employedFrom}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p class="actions">
        <a href={urls.staff(unit.id, asOf, { onlyRemaining: true })}>
          {remaining.length > shown.length
            ? `Visa alla ${formatCount(remaining.length)} som inte påbörjat`
            : "Visa i personallistan"}
        </a>
        <a href={urls.staff(unit.id, asOf)}>Hela personallistan</a>
        {remaining.length > 0 ? (
          <a href={urls.staffExport(unit.id, asOf, "xlsx", { onlyRemaining: true })}>
            Exportera de som inte påbörjat (Excel)
          </a>
        ) : null}
      </p>
    </section>
  );
}
