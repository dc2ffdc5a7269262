/** Upload form and preview of the target-group imports (enhetsuppgifter, kurskrav, undantag). */
import type { TargetImportKind } from "../../../src/services/target-imports/kind";
import type { TargetImportReport } from "../../../src/services/target-imports/run";
import { AlreadyImported, PreviewFigures } from "../../components/preview-figures";
import { RowErrors } from "../../components/row-errors";

const WHAT: Record<TargetImportKind, { title: string; columns: string }> = {
  units: {
    title: "Importera enhetsuppgifter",
    columns: "Enhet eller Enhetskod, Funktionsnivå, Taggar (kommaseparerade)",
  },
  requirements: {
    title: "Importera kurskrav",
    columns:
      "Kurs, Enhet, Funktionsnivå, Tagg, Befattning, Deadline, Dagar efter anställning (tomt = alla). Filen ersätter alla regler för varje kurs den nämner.",
  },
  exemptions: {
    title: "Importera undantag",
    columns: "Anställningsnummer eller E-post, Kurs (tomt = alla kurser), Från, Till, Orsak",
  },
};

export function TargetUploadForm({
  kind,
  limitLabel,
}: {
  kind: TargetImportKind;
  limitLabel: string;
}) {
  const id = `file-${kind}`;
  return (
    <section aria-labelledby={`upload-${kind}`}>
      <h2 id={`upload-${kind}`}>{WHAT[kind].title}</h2>
      <form
        method="post"
        action="/malgrupper/import/preview"
        enctype="multipart/form-data"
        hx-post="/malgrupper/import/preview"
        hx-encoding="multipart/form-data"
        hx-target={`#import-result-${kind}`}
        class="stack upload-form"
      >
        <input type="hidden" name="kind" value={kind} />
        <p class="muted">Kolumner: {WHAT[kind].columns}.</p>
        <label for={id}>Välj fil (Excel, LibreOffice eller CSV, högst {limitLabel})</label>
        <input id={id} name="file" type="file" accept=".xlsx,.xls,.ods,.fods,.csv" required />
        <button type="submit">Förhandsgranska</button>
      </form>
      <div id={`import-result-${kind}`} aria-live="polite" />
    </section>
  );
}

const COUNT_LABEL: Record<string, string> = {
  changed: "Enheter som ändras",
  unchanged: "Oförändrade rader",
  courses: "Kurser vars regler ersätts",
  rules: "Regler i filen",
  removed: "Nuvarande regler som tas bort",
  created: "Nya undantag",
};

export function TargetImportPreview({
  report: r,
  pendingId,
}: {
  report: TargetImportReport;
  pendingId: string | null;
}) {
  return (
    <section class="preview" aria-labelledby="target-preview-title">
      <h2 id="target-preview-title">Förhandsgranskning: {r.fileName}</h2>
      <p class="muted">{r.format}</p>
      <PreviewFigures
        figures={[
          ["Rader", r.rows],
          ...Object.entries(r.counts).map(([k, n]) => [COUNT_LABEL[k] ?? k, n] as const),
        ]}
      />
      {r.errors.length > 0 ? (
        <RowErrors errors={r.errors} />
      ) : r.alreadyImportedAs !== null ? (
        <AlreadyImported importId={r.alreadyImportedAs} />
      ) : (
        <>
          {r.details.length > 0 ? (
            <ul class="preview-details">
              {r.details.slice(0, 300).map((d) => (
                <li>{d}</li>
              ))}
            </ul>
          ) : (
            <p class="notice">Inget skulle ändras: uppgifterna stämmer redan med filen.</p>
          )}
          {pendingId ? (
            <form
              method="post"
              action="/malgrupper/import/confirm"
              class="inline"
              data-busy="Importerar …"
            >
              <input type="hidden" name="pending" value={pendingId} />
              <button type="submit">Importera</button>{" "}
              <button type="submit" formaction="/malgrupper/import/cancel" class="secondary">
                Avbryt
              </button>
            </form>
          ) : null}
        </>
      )}
    </section>
  );
}
