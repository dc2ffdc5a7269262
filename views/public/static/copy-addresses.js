// "Kopiera adresser": copies the addresses of a list for a reminder e-mail. The addresses are
// in a read-only box that works without this script; this only adds the button.
(() => {
  for (const button of document.querySelectorAll("[data-copy-button]")) button.hidden = false;

  const copied = (n) =>
    `${n === "1" ? "1 adress kopierad" : `${n} adresser kopierade`}. Klistra in dem i ett mejl, gärna som hemlig kopia (Bcc).`;

  // Delegated, so a list swapped in by htmx works too.
  document.addEventListener("click", async (e) => {
    const button = e.target instanceof Element ? e.target.closest("[data-copy-button]") : null;
    if (!button) return;
    const box = button.closest("[data-copy]");
    const source = box?.querySelector("[data-copy-source]");
    const status = box?.querySelector("[data-copy-status]");
    if (!source || !status) return;
    status.textContent = "";
    try {
      await navigator.clipboard.writeText(source.value);
      status.textContent = copied(button.dataset.count);
    } catch {
      // No clipboard access (an old browser, a denied permission): select the text instead.
      source.focus();
      source.select();
      const ok = document.execCommand?.("copy");
      status.textContent = ok
        ? copied(button.dataset.count)
        : "Det gick inte att kopiera automatiskt. Adresserna är markerade: tryck Ctrl+C (⌘C på Mac).";
    }
  });
})();
