/** Admin's privacy page: retention periods, what a purge would remove (dry run), and the purge. */
import type { RetentionPolicy } from "../../../src/domain/retention";
import type { PurgePlan } from "../../../src/services/privacy/purge";
import { Notices } from "../../components/notices";
import { countNoun } from "../../format";

export interface PrivacyPageProps {
  policy: RetentionPolicy;
  plan: PurgePlan;
  error?: string | null;
  notice?: string | null;
  /** The counts of a purge that just ran. */
  done?: PurgePlan | null;
}

const MAX_LISTED = 200;

function CountsList({ plan }: { plan: PurgePlan }) {
  const c = plan.counts;
  return (
    <ul>
      <li>{c.people} personer som slutat avidentifieras (namn, e-post, anställningsnummer)</li>
      <li>{c.personLinks} manuella kopplingar tas bort</li>
      <li>{countNoun(c.unmatchedRows, "rad", "rader")} ur importerade filer töms</li>
      <li>{c.importEffects} sparade tidigare värden (för att ångra importer) töms på namn</li>
      <li>{c.auditEntries} händelser i granskningsloggen tas bort</li>
      <li>{c.accessEntries} poster i åtkomstloggen tas bort</li>
      <li>{c.pendingUploads} förhandsgranskade filer som aldrig bekräftades tas bort</li>
    </ul>
  );
}

export function PrivacyPage({ policy, plan, error, notice, done }: PrivacyPageProps) {
  return (
    <>
      <h1>Integritet och gallring</h1>
      <Notices error={error ?? null} notice={notice ?? null} />
      <p>
        <a href="/admin/integritet/atkomst">Åtkomstlogg</a> ·{" "}
        <a href="/admin/integritet/registerutdrag">Registerutdrag för en person</a>
      </p>
      {done ? (
        <section aria-labelledby="done-h">
          <h2 id="done-h">Gallringen är klar</h2>
          <CountsList plan={done} />
        </section>
      ) : null}
      <section aria-labelledby="policy-h">
        <h2 id="policy-h">Lagringstider</h2>
        <form method="post" action="/admin/integritet/lagringstider" class="stack narrow">
          <label for="leaverYears">
            Personuppgifter om den som slutat sparas så här många år efter sista anställningsdagen
          </label>
          <input
            id="leaverYears"
            name="leaverYears"
            type="number"
            min="1"
            max="10"
            required
            value={String(policy.leaverYears)}
          />
          <label for="logYears">Granskningslogg och åtkomstlogg sparas (år)</label>
          <input
            id="logYears"
            name="logYears"
            type="number"
            min="1"
            max="10"
            required
            value={String(policy.logYears)}
          />
          <button type="submit">Spara lagringstiderna</button>
        </form>
      </section>
      <section aria-labelledby="plan-h">
        <h2 id="plan-h">Provkörning: det här skulle gallras i dag</h2>
        <p>
          Slutat före {plan.cutoffs.leaverEndedBefore}; loggar från före {plan.cutoffs.logsBefore}.
          Anställningar och utbildningshändelser finns kvar utan namn, så alla siffror – också låsta
          årsrapporter – blir exakt desamma.
        </p>
        <CountsList plan={plan} />
        {plan.people.length > 0 ? (
          <table>
            <caption>
              Personer som avidentifieras
              {plan.people.length > MAX_LISTED ? ` (de första ${MAX_LISTED})` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Anst.nr</th>
                <th scope="col">Namn</th>
                <th scope="col">Slutade</th>
              </tr>
            </thead>
            <tbody>
              {plan.people.slice(0, MAX_LISTED).map((p) => (
                <tr>
                  <td>{p.employeeNo ?? "–"}</td>
                  <td>{p.name}</td>
                  <td>{p.lastEnded}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <form method="post" action="/admin/integritet/gallra">
          <label>
            <input type="checkbox" name="confirm" value="ja" required /> Jag vill gallra nu. Det går
            inte att ångra.
          </label>{" "}
          <button type="submit">Gallra nu</button>
        </form>
      </section>
    </>
  );
}
