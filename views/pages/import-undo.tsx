import type { Import } from "../../db/schema";
import { describeImport } from "../../src/domain/import-label";

export interface UndoConfirmProps {
  target: Import;
  /** Applied imports newer than the target, newest first: undone with it. */
  newer: Import[];
}

/**
 * Asked before an older import is undone: newer imports may build on it (a course export
 * matched people by the e-mail addresses a staff list wrote), so they go first, all at once.
 */
export function UndoConfirm({ target, newer }: UndoConfirmProps) {
  return (
    <section class="preview" aria-labelledby="undo-title">
      <h1 id="undo-title">Ångra import {describeImport(target)}?</h1>
      <p>
        Importen kan inte ångras ensam: senare importer kan bygga på den, till exempel en kursexport
        som matchade personer via e-postadresser som personalimporten skrev. Därför ångras först
        dessa {newer.length} senare importer, den senaste först, och sist import {target.id}:
      </p>
      <ol>
        {newer.map((n) => (
          <li>{describeImport(n)}</li>
        ))}
        <li>{describeImport(target)}</li>
      </ol>
      <form method="post" action={`/imports/${target.id}/undo`} class="inline" data-busy="Ångrar …">
        <input type="hidden" name="withNewer" value="1" />
        <button type="submit">Ångra alla {newer.length + 1}</button> <a href="/imports">Avbryt</a>
        <progress hidden data-busy-progress aria-label="Ångrar importen">
          Ångrar …
        </progress>
      </form>
    </section>
  );
}
