/**
 * A file's row errors as the import previews show them: the first 200 (each says row, column,
 * value and what to do) and how many more there are, so a broken file is fixed in one go.
 */
import { formatCount } from "../format";

const SHOWN = 200;

export function RowErrors({ errors }: { errors: ReadonlyArray<{ message: string }> }) {
  return (
    <div class="notice error" role="alert">
      <p>
        Filen har {formatCount(errors.length)} fel och kan inte importeras. Rätta filen och ladda
        upp den igen.
      </p>
      <ul class="row-errors">
        {errors.slice(0, SHOWN).map((e) => (
          <li>{e.message}</li>
        ))}
      </ul>
      {errors.length > SHOWN ? <p>… och {formatCount(errors.length - SHOWN)} fel till.</p> : null}
    </div>
  );
}
