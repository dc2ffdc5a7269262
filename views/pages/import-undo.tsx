import type { Import } from "../../db/schema";
import { describeImport } from "../../src/domain/import-label";
import { undoConsequences } from "../../src/domain/undo-summary";
import { stockholmTime } from "./imports";

export interface UndoConfirmProps {
  target: Import & { userName?: string | null };
  /** Applied imports newer than the target, newest first: undone with it. */
  newer: Import[];
}

/**
 * Asked before every undo: what the import was and what undoing it removes. Newer imports may
 * build on it (a course export matched people by the e-mail addresses a staff list wrote), so
 * they go first, all at once.
 */
export function UndoConfirm({ target, newer }: UndoConfirmProps) {
  const all = newer.length + 1;
  return (
    <section class="preview" aria-labelledby="undo-title">
      <h1 id="undo-title">Ångra import {describeImport(target)}?</h1>
      <dl class="confirm-summary">
        <dt>Sparad</dt>
        <dd>
          {stockholmTime(target.createdAt)}
          {target.userName ? ` av ${target.userName}` : ""}
        </dd>
        {target.asOf ? (
          <>
            <dt>Gäller per</dt>
            <dd>{target.asOf}</dd>
          </>
        ) : null}
      </dl>
      <h2>Det här händer</h2>
      <ul>
        {undoConsequences(target.kind, target.counts).map((line) => (
          <li>{line}</li>
        ))}
        <li>Siffror och rapporter blir som före importen; låsta årsrapporter ändras inte.</li>
      </ul>
      {newer.length > 0 ? (
        <>
          <p>
            Importen kan inte ångras ensam: senare importer kan bygga på den, till exempel en
            kursexport som matchade personer via e-postadresser som personalimporten skrev. Därför
            ångras först dessa {newer.length} senare importer, den senaste först, och sist import{" "}
            {target.id}:
          </p>
          <ol>
            {newer.map((n) => (
              <li>{describeImport(n)}</li>
            ))}
            <li>{describeImport(target)}</li>
          </ol>
        </>
      ) : null}
      <form method="post" action={`/imports/${target.id}/undo`} class="inline" data-busy="Ångrar …">
        {newer.length > 0 ? <input type="hidden" name="withNewer" value="1" /> : null}
        <button type="submit">
          {newer.length > 0 ? `Ångra alla ${all}` : "Ja, ångra importen"}
        </button>{" "}
        <a href="/imports">Avbryt</a>
        <progress hidden data-busy-progress aria-label="Ångrar importen">
          Ångrar …
        </progress>
        <span class="visually-hidden" role="status" data-busy-status></span>
      </form>
      <script src="/static/imports.js" defer></script>
    </section>
  );
}
