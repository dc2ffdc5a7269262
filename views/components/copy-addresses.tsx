/**
 * The e-mail addresses of a list, ready to paste into a reminder: a read-only box anyone can
 * select and copy, and — with /static/copy-addresses.js — a "Kopiera adresser" button. The
 * page that shows it includes the script (CSP: no inline scripts).
 */

/** Outlook's separator; Gmail and the others accept it too. */
export const ADDRESS_SEPARATOR = "; ";
/** mailto: links longer than this are cut off by some mail programs. */
const MAILTO_LIMIT = 1800;

export function CopyAddresses({ id, addresses }: { id: string; addresses: string[] }) {
  if (addresses.length === 0) return null;
  const text = addresses.join(ADDRESS_SEPARATOR);
  const mailto = `mailto:?bcc=${addresses.map(encodeURIComponent).join(",")}`;
  return (
    <div class="copy-addresses" data-copy>
      <label for={id}>
        E-postadresser ({addresses.length === 1 ? "1 adress" : `${addresses.length} adresser`})
      </label>
      <textarea id={id} readonly rows={3} data-copy-source>
        {text}
      </textarea>
      <p class="actions">
        {/* Shown by the script; without it the box above is selected and copied by hand. */}
        <button type="button" data-copy-button data-count={addresses.length} hidden>
          Kopiera adresser
        </button>
        {mailto.length <= MAILTO_LIMIT ? (
          <a href={mailto}>Skriv mejl (adresserna som hemlig kopia)</a>
        ) : null}
      </p>
      <p class="copy-status" role="status" data-copy-status></p>
    </div>
  );
}
