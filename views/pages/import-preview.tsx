import { addDays } from "../../src/domain/dates";
import type { ImportReport, StaffReport } from "../../src/services/imports/types";
import { AlreadyImported, PreviewFigures } from "../components/preview-figures";
import { RowErrors } from "../components/row-errors";
import { StaffChanges } from "../components/staff-changes";
import { UnmatchedReasons } from "../components/unmatched-reasons";
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
  const canConfirm = r.errors.length === 0 && r.alreadyImportedAs === null && pendingId;
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
      {r.kind === "staff" ? <AsOfCheck report={r} pendingId={pendingId} /> : null}
      <PreviewFigures figures={figures} />
      {r.errors.length > 0 ? (
        <RowErrors errors={r.errors} />
      ) : r.alreadyImportedAs !== null ? (
        <AlreadyImported importId={r.alreadyImportedAs} />
      ) : null}
      {r.kind === "staff" && r.errors.length === 0 ? (
        <StaffDetails report={r} pendingId={canConfirm ? pendingId : null} />
      ) : null}
      {r.kind === "completions" && r.unmatchedDetail ? (
        <UnmatchedReasons detail={r.unmatchedDetail} total={r.unmatched} />
      ) : null}
      {canConfirm ? <ConfirmForm report={r} pendingId={canConfirm} /> : null}
    </section>
  );
}

/**
 * Confirm or cancel. An import that ends many employments (the ≥ 20 % warning) asks HR to tick
 * that they mean it: a partial list would otherwise end everyone else's employment.
 */
function ConfirmForm({ report: r, pendingId }: { report: ImportReport; pendingId: string }) {
  const manyLeave = r.kind === "staff" && r.warning !== null;
  return (
    <form
      method="post"
      action="/imports/confirm"
      class="stack confirm-import"
      data-busy="Importerar …"
    >
      <input type="hidden" name="pending" value={pendingId} />
      {manyLeave && r.kind === "staff" ? (
        <label class="confirm-check">
          <input type="checkbox" name="acceptLeavers" value="1" required /> Ja, listan är
          fullständig: {formatCount(r.left)} av {formatCount(r.currentBefore)} anställda (
          {Math.round((100 * r.left) / r.currentBefore)} %) ska få sin anställning avslutad{" "}
          {addDays(r.asOf, -1)}.
        </label>
      ) : null}
      <p>
        <button type="submit">Importera</button>{" "}
        <button
          type="submit"
          formaction="/imports/cancel"
          formnovalidate
          class="secondary"
          data-busy="Avbryter …"
        >
          Avbryt
        </button>
      </p>
      <progress hidden data-busy-progress aria-label="Sparar importen">
        Importerar …
      </progress>
      <span class="visually-hidden" role="status" data-busy-status></span>
    </form>
  );
}

/** The chosen "gäller per" date against the date the file names itself, with a one-click fix. */
function AsOfCheck({ report: r, pendingId }: { report: StaffReport; pendingId: string | null }) {
  const named = r.fileDate;
  if (!named || named.date === r.asOf) return null;
  return (
    <div class="notice warning" role="alert">
      <p>
        Datumet stämmer inte med filen: {named.source} anger {named.date}, men förhandsgranskningen
        gäller per {r.asOf}. Personer som saknas räknas som slutade dagen före det datum du väljer.
      </p>
      {pendingId ? (
        <form method="post" action="/imports/preview/as-of" class="inline" data-busy="Räknar om …">
          <input type="hidden" name="pending" value={pendingId} />
          <input type="hidden" name="asOf" value={named.date} />
          <button type="submit">Förhandsgranska per {named.date} i stället</button>
        </form>
      ) : null}
    </div>
  );
}

function StaffDetails({ report: r, pendingId }: { report: StaffReport; pendingId: string | null }) {
  return (
    <>
      {r.warning ? (
        <p class="notice error" role="alert">
          {r.warning}
        </p>
      ) : null}
      {r.newUnits.length > 0 ? <p>Nya enheter: {r.newUnits.join(", ")}</p> : null}
      {r.renamedUnits.length > 0 ? (
        <p>Enheter som byter namn: {r.renamedUnits.join(", ")}</p>
      ) : null}
      <StaffChanges
        changes={r.changes}
        downloadHref={pendingId ? `/imports/preview/${pendingId}/changes.csv` : null}
        openLeavers={r.warning !== null}
      />
    </>
  );
}
