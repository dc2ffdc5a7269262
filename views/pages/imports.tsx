import { IMPORT_COUNT_LABEL } from "../../src/domain/import-label";
import type { ImportListItem } from "../../src/services/imports/history";
import { TableWrap } from "../components/table-wrap";
import { countNoun } from "../format";

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
  /** The upload limit in bytes: the browser checks it before sending. */
  limitBytes: number;
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
      <UploadForm today={p.today} limitLabel={p.limitLabel} limitBytes={p.limitBytes} />
      <div id="import-result" aria-live="polite"></div>
      {p.openUnmatched > 0 ? (
        <p class="notice">
          <a href="/imports/unmatched">
            {countNoun(p.openUnmatched, "rad", "rader")} väntar på att kopplas till en person
          </a>
        </p>
      ) : null}
      <ImportHistory history={p.history} />
      <script src="/static/imports.js" defer></script>
    </>
  );
}

function UploadForm(p: { today: string; limitLabel: string; limitBytes: number }) {
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
      data-max-bytes={String(p.limitBytes)}
      data-limit-label={p.limitLabel}
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
      <div class="stack" data-as-of-field>
        <label for="asOf">Personalförteckningen gäller per</label>
        <input id="asOf" name="asOf" type="date" value={p.today} aria-describedby="asOf-note" />
        <p id="asOf-note" class="muted" data-as-of-note hidden></p>
      </div>
      <div class="dropzone" data-dropzone>
        <label for="file">Välj fil eller dra och släpp den här</label>
        <input id="file" name="file" type="file" accept=".xlsx,.xls,.ods,.fods,.csv" required />
        <p class="muted">
          Excel (.xlsx, .xls), LibreOffice (.ods) eller CSV, högst {p.limitLabel}.
        </p>
      </div>
      <p class="notice error" role="alert" data-upload-error hidden></p>
      <progress
        class="upload-progress"
        max="100"
        value="0"
        hidden
        data-upload-progress
        aria-label="Uppladdning av filen"
      >
        Laddar upp …
      </progress>
      <button type="submit">Förhandsgranska</button>
    </form>
  );
}

function ImportHistory({ history }: { history: ImportListItem[] }) {
  if (history.length === 0) return <p class="muted">Inga importer ännu.</p>;
  return (
    <TableWrap label="Senaste importer">
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
                  // "Sparad", not "Genomförd": that word is a course status in this app. Undo
                  // opens a confirmation first: what the import wrote and what undoing removes.
                  <>
                    <span>Sparad</span>{" "}
                    <a class="button" href={`/imports/${i.id}/undo`}>
                      {i.undoable ? "Ångra …" : "Ångra med senare …"}
                    </a>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

let stockholmTimeFormat: Intl.DateTimeFormat | undefined;

/** "2026-11-25 16:19": when it happened, in Stockholm. */
export function stockholmTime(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  // Made on first use: loading the time zone costs ≈30 ms (test/architecture.test.ts).
  stockholmTimeFormat ??= new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    dateStyle: "short",
    timeStyle: "short",
  });
  return stockholmTimeFormat.format(d);
}

/** The singular where it differs: "1 rad", "1 händelse". */
const COUNT_LABEL_ONE: Record<string, string> = {
  rows: "rad",
  created: "ny",
  updated: "ändrad",
  unchanged: "oförändrad",
  matched: "matchad",
  unmatched: "omatchad",
  ignored: "ignorerad",
  events: "händelse",
};

function countsText(counts: Record<string, number> | null): string {
  if (!counts) return "";
  return Object.entries(counts)
    .map(([k, v]) =>
      countNoun(v, COUNT_LABEL_ONE[k] ?? IMPORT_COUNT_LABEL[k] ?? k, IMPORT_COUNT_LABEL[k] ?? k),
    )
    .join(", ");
}
