import type { PlanStatusKey } from "../../src/domain/plan-status";
import type { AreaCounts } from "../../src/domain/plan-summary";
import type { FollowUpActivity, PlanFollowUp } from "../../src/services/plan-review";
import { StatusBadge } from "../components/plan-status";
import { planUrls } from "../plan-urls";

export interface PlanPageProps {
  followUp: PlanFollowUp;
  years: Array<{ year: number; activities: number }>;
  canEdit: boolean;
  /** A chef: own units are highlighted where they are Ansvarig. */
  isChef: boolean;
  message?: { kind: "ok" | "error"; text: string; details?: string[] } | null;
}

const COLUMNS: Array<[PlanStatusKey, string]> = [
  ["genomford", "Genomförda"],
  ["delvis", "Delvis genomförda"],
  ["pagaende", "Pågående"],
  ["planerad", "Planerade"],
  ["ej", "Ej genomförda"],
];

export function PlanPage({ followUp, years, canEdit, isChef, message }: PlanPageProps) {
  const { year, summary } = followUp;
  return (
    <>
      <link rel="stylesheet" href="/static/plan.css" />
      <nav class="year-nav" aria-label="År">
        <a href={planUrls.plan(year - 1)}>← {year - 1}</a>{" "}
        <a href={planUrls.plan(year + 1)}>{year + 1} →</a>
        {years
          .filter((y) => y.year !== year)
          .map((y) => (
            <a href={planUrls.plan(y.year)}>{`Plan ${y.year}`}</a>
          ))}
      </nav>
      <h1>Handlingsplan {year}</h1>
      <p class="lead">
        Arbetet mot våldsbejakande extremism: aktiviteter per område och hur de följts upp.
      </p>
      {message ? (
        <div class={`notice ${message.kind}`} role={message.kind === "error" ? "alert" : "status"}>
          <p>{message.text}</p>
          {message.details?.length ? (
            <ul>
              {message.details.map((d) => (
                <li>{d}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <p class="actions">
        <a href={planUrls.review(year)}>Verksamhetsberättelse {year}</a>
        {canEdit ? <a href={planUrls.newActivity(year)}>Lägg till aktivitet</a> : null}
      </p>
      {summary.activities === 0 ? (
        <p class="notice">Det finns ingen handlingsplan för {year} ännu.</p>
      ) : (
        <AreaTable areas={summary.areas} total={summary} />
      )}
      {isChef ? <p class="muted">Markerade rader har din enhet som ansvarig.</p> : null}
      {summary.areas.map((a) => (
        <AreaSection
          area={a.area}
          year={year}
          canEdit={canEdit}
          activities={followUp.activities.filter((x) => x.area === a.area)}
        />
      ))}
      {canEdit ? <EditorTools year={year} hasPlan={summary.activities > 0} /> : null}
    </>
  );
}

function AreaTable({ areas, total }: { areas: AreaCounts[]; total: PlanFollowUp["summary"] }) {
  return (
    <div class="table-wrap">
      <table class="plan-counts">
        <caption>Uppföljning per område</caption>
        <thead>
          <tr>
            <th scope="col">Område</th>
            <th scope="col" class="num">
              Aktiviteter
            </th>
            {COLUMNS.map(([, label]) => (
              <th scope="col" class="num">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {areas.map((a) => (
            <tr>
              <th scope="row">{a.area}</th>
              <td class="num">{a.total}</td>
              {COLUMNS.map(([key]) => (
                <td class="num">{a.byStatus[key]}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Totalt</th>
            <td class="num">{total.activities}</td>
            {COLUMNS.map(([key]) => (
              <td class="num">{total.byStatus[key]}</td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function AreaSection(p: {
  area: string;
  year: number;
  canEdit: boolean;
  activities: FollowUpActivity[];
}) {
  return (
    <section class="plan-area" aria-label={p.area}>
      <h2>{p.area}</h2>
      <div class="table-wrap">
        <table class="plan-table">
          <thead>
            <tr>
              <th scope="col">Aktivitet</th>
              <th scope="col">Ansvarig</th>
              <th scope="col">Övriga aktörer</th>
              <th scope="col">Tidplan</th>
              <th scope="col">Status</th>
              <th scope="col">Uppföljning</th>
            </tr>
          </thead>
          <tbody>
            {p.activities.map((a) => (
              <tr class={a.own ? "own-unit" : undefined}>
                <td>
                  {p.canEdit ? (
                    <a href={planUrls.activity(p.year, a.id)}>{a.activity}</a>
                  ) : (
                    a.activity
                  )}
                  {a.carriedFromYear ? (
                    <span class="carried">
                      Från handlingsplan {a.carriedFromYear}
                      {a.carriedFrom ? ` (${a.carriedFrom.status.toLocaleLowerCase("sv-SE")})` : ""}
                    </span>
                  ) : null}
                </td>
                <td>{a.responsible}</td>
                <td>{a.otherActors}</td>
                <td>{a.timeline}</td>
                <td>
                  <StatusBadge status={a.status} />
                </td>
                <td>
                  {a.figure ? (
                    <p class="course-figure">
                      {a.figure.courseTitle}: <strong>{a.figure.text}</strong>
                    </p>
                  ) : null}
                  {a.suggested && a.suggested !== a.status ? (
                    <p class="suggested">Målet pekar på: {a.suggested}</p>
                  ) : null}
                  {a.comment}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function EditorTools({ year, hasPlan }: { year: number; hasPlan: boolean }) {
  return (
    <section class="plan-tools" aria-label="Redigera handlingsplanen">
      <h2>Importera och kopiera</h2>
      <form
        method="post"
        action={planUrls.import(year)}
        enctype="multipart/form-data"
        class="stack"
      >
        <label for="plan-file">Aktivitetstabell (.xlsx eller .csv) för {year}</label>
        <input id="plan-file" name="file" type="file" accept=".xlsx,.xls,.csv,.txt" required />
        <p class="muted">
          Kolumner: Område, Åtgärd / Aktivitet, Ansvarig, Övriga aktörer, Tidplan, Status (och gärna
          Kommentar). Samma aktivitet importerad igen uppdateras; inget dubbleras.
        </p>
        <button type="submit">Importera</button>
      </form>
      {hasPlan ? (
        <form method="post" action={planUrls.copy(year)}>
          <button type="submit" class="secondary">
            Kopiera öppna aktiviteter till {year + 1}
          </button>
        </form>
      ) : null}
    </section>
  );
}
