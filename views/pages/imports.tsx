import type { ImportListItem } from "../../src/services/imports/history";
import { formatCount } from "../format";

const KIND_LABEL: Record<string, string> = {
  staff: "Personalförteckning",
  completions: "Kursexport",
  attendance: "Närvarolista",
  units: "Enhetsuppgifter",
  requirements: "Kurskrav",
  exemptions: "Undantag",
};

export interface ImportsPageProps {
  history: ImportListItem[];
  openUnmatched: number;
  today: string;
  limitLabel: string;
  error?: string | null;
  notice?: string | null;
}

export function ImportsPage(p: ImportsPageProps) {
  return (
    <>
      <h1>Importera filer</h1>
      {p.error ? (
        <p class="notice error" role="alert">
          {p.error}
        </p>
      ) : null}
      {p.notice ? (
        <p class="notice ok" role="status">
          {p.notice}
        </p>
      ) : null}
      <UploadForm today={p.today} limitLabel={p.limitLabel} />
      <div id="import-result" aria-live="polite"></div>
      {p.openUnmatched > 0 ? (
        <p class="notice">
          <a href="/imports/unmatched">
            {formatCount(p.openUnmatched)} rader väntar på att kopplas till en person
          </a>
        </p>
      ) : null}
      <ImportHistory history={p.history} />
      <script src="/static/imports.js" defer></script>
    </>
  );
}

function UploadForm({ today, limitLabel }: { today: string; limitLabel: string }) {
  return (
    <form
      method="post"
      action="/imports/preview"
      enctype="multipart/form-data"
      hx-post="/imports/preview"
      hx-encoding="multipart/form-data"
      hx-target="#import-result"
      class="stack upload-form"
      data-upload-form
    >
      <fieldset>
        <legend>Vad är det för fil?</legend>
        <label>
          <input type="radio" name="kind" value="staff" checked /> Personalförteckning
        </label>
        <label>
          <input type="radio" name="kind" value="completions" /> Kursexport från webbutbildningen
          eller närvarolista
        </label>
      </fieldset>
      <label for="asOf">Personalförteckningen gäller per</label>
      <input id="asOf" name="asOf" type="date" value={today} />
      <div class="dropzone" data-dropzone>
        <label for="file">Välj fil eller dra och släpp den här</label>
        <input id="file" name="file" type="file" accept=".xlsx,.xls,.ods,.fods,.csv" required />
        <p class="muted">Excel (.xlsx, .xls), LibreOffice (.ods) eller CSV, högst {limitLabel}.</p>
      </div>
      <progress class="upload-progress" max="100" value="0" hidden data-upload-progress>
        Laddar upp …
      </progress>
      <button type="submit">Förhandsgranska</button>
    </form>
  );
}

function ImportHistory({ history }: { history: ImportListItem[] }) {
  if (history.length === 0) return <p class="muted">Inga importer ännu.</p>;
  return (
    <table>
      <caption>Senaste importer</caption>
      <thead>
        <tr>
          <th>Nr</th>
          <th>När</th>
          <th>Slag</th>
          <th>Fil</th>
          <th>Per</th>
          <th>Av</th>
          <th>Resultat</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {history.map((i) => (
          <tr>
            <td class="num">{i.id}</td>
            <td>{stockholmTime(i.createdAt)}</td>
            <td>{KIND_LABEL[i.kind] ?? i.kind}</td>
            <td>{i.fileName}</td>
            <td>{i.asOf ?? ""}</td>
            <td>{i.userName ?? "kommandoraden"}</td>
            <td>{countsText(i.counts)}</td>
            <td>
              {i.status === "undone" ? (
                "Ångrad"
              ) : (
                <form
                  method="post"
                  action={`/imports/${i.id}/undo`}
                  class="inline"
                  data-busy="Ångrar …"
                >
                  {/* Older imports lead to a confirmation listing the newer ones first. */}
                  <button type="submit" class="secondary">
                    {i.undoable ? "Ångra" : "Ångra med senare …"}
                  </button>
                  <progress hidden data-busy-progress>
                    Ångrar …
                  </progress>
                </form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const STOCKHOLM_TIME = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  dateStyle: "short",
  timeStyle: "short",
});

/** "2026-11-25 16:19": when it happened, in Stockholm. */
function stockholmTime(instant: string): string {
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? instant : STOCKHOLM_TIME.format(d);
}

const COUNT_LABEL: Record<string, string> = {
  rows: "rader",
  created: "nya",
  updated: "ändrade",
  unchanged: "oförändrade",
  left: "slutat",
  matched: "matchade",
  unmatched: "omatchade",
  ignored: "ignorerade",
  events: "händelser",
  changed: "ändrade",
  courses: "kurser",
  rules: "regler",
  removed: "ersatta regler",
};

function countsText(counts: Record<string, number> | null): string {
  if (!counts) return "";
  return Object.entries(counts)
    .map(([k, v]) => `${formatCount(v)} ${COUNT_LABEL[k] ?? k}`)
    .join(", ");
}
