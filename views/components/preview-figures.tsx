/** The figures and the "already imported" notice that every import preview shows. */
import { formatCount } from "../format";

/** Label and count per row: "Rader 1 000", "Nya personer 12". */
export function PreviewFigures({ figures }: { figures: ReadonlyArray<readonly [string, number]> }) {
  return (
    <dl class="preview-figures">
      {figures.map(([label, n]) => (
        <div>
          <dt>{label}</dt>
          <dd>{formatCount(n)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function AlreadyImported({ importId }: { importId: number }) {
  return <p class="notice">Filen är redan importerad (import {importId}). Inget skulle ändras.</p>;
}
