import type { ImportReport, StaffReport } from "../../src/services/imports/types";
import { formatCount } from "../format";

export interface ImportPreviewProps {
  report: ImportReport;
  /** Set when the file may be applied: the confirm form carries it. */
  pendingId: string | null;
}

/** What the file would change, its row errors, and the confirm button. */
export function ImportPreview({ report: r, pendingId }: ImportPreviewProps) {
  const figures: Array<[string, number]> =
    r.kind === "staff"
      ? [
          ["Rader", r.rows],
          ["Nya personer", r.created],
          ["Ändrade (namn, e-post, enhet, befattning)", r.updated],
          ["Oförändrade", r.unchanged],
          ["Slutat (finns inte i filen)", r.left],
        ]
      : [
          ["Rader", r.rows],
          ["Matchade personer", r.matched],
          ["Omatchade (hamnar i kön)", r.unmatched],
          ["Ignorerade (ej påbörjad eller kurs utanför katalogen)", r.ignored],
          ["Nya utbildningshändelser", r.newEvents],
        ];
  return (
    <section class="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">
        Förhandsgranskning: {r.fileName}
        {r.kind === "staff" ? ` per ${r.asOf}` : ""}
      </h2>
      <p class="muted">
        {r.format}
        {r.kind === "completions"
          ? r.fileKind === "attendance"
            ? " – närvarolista"
            : " – kursexport"
          : ""}
      </p>
      <dl class="preview-figures">
        {figures.map(([label, n]) => (
          <div>
            <dt>{label}</dt>
            <dd>{formatCount(n)}</dd>
          </div>
        ))}
      </dl>
      {r.kind === "staff" ? <StaffDetails report={r} /> : null}
      {r.errors.length > 0 ? (
        <div class="notice error" role="alert">
          <p>
            Filen har {formatCount(r.errors.length)} fel och kan inte importeras. Rätta filen och
            ladda upp den igen.
          </p>
          <ul class="row-errors">
            {r.errors.slice(0, 200).map((e) => (
              <li>{e.message}</li>
            ))}
          </ul>
          {r.errors.length > 200 ? (
            <p>… och {formatCount(r.errors.length - 200)} fel till.</p>
          ) : null}
        </div>
      ) : r.alreadyImportedAs !== null ? (
        <p class="notice">
          Filen är redan importerad (import {r.alreadyImportedAs}). Inget skulle ändras.
        </p>
      ) : pendingId ? (
        <form method="post" action="/imports/confirm" class="inline" data-busy="Importerar …">
          <input type="hidden" name="pending" value={pendingId} />
          <button type="submit">Importera</button>{" "}
          <button type="submit" formaction="/imports/cancel" class="secondary">
            Avbryt
          </button>
          <progress hidden data-busy-progress aria-label="Sparar importen">
            Importerar …
          </progress>
        </form>
      ) : null}
    </section>
  );
}

const SHOWN = 100;

function Names({ title, names }: { title: string; names: string[] }) {
  if (names.length === 0) return null;
  return (
    <details>
      <summary>
        {title} ({formatCount(names.length)})
      </summary>
      <p>
        {names.slice(0, SHOWN).join(", ")}
        {names.length > SHOWN ? ` … och ${formatCount(names.length - SHOWN)} till.` : ""}
      </p>
    </details>
  );
}

function StaffDetails({ report: r }: { report: StaffReport }) {
  return (
    <>
      {r.warning ? (
        <p class="notice error" role="alert">
          {r.warning}
        </p>
      ) : null}
      {r.newUnits.length > 0 ? <p>Nya enheter: {r.newUnits.join(", ")}</p> : null}
      <Names title="Nya" names={r.who.created} />
      <Names title="Ändrade" names={r.who.updated} />
      <Names title="Slutar (anställningen avslutas dagen före)" names={r.who.left} />
      <PostChanges lines={r.who.posts} />
    </>
  );
}

/** People with several posts: what happens to each post ("slutar på X, är kvar på Y"). */
function PostChanges({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <details open>
      <summary>Flera tjänster ({formatCount(lines.length)})</summary>
      <ul>
        {lines.slice(0, SHOWN).map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      {lines.length > SHOWN ? <p>… och {formatCount(lines.length - SHOWN)} till.</p> : null}
    </details>
  );
}
