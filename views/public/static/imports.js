// Imports page: drag and drop onto the file field, a size check before sending, upload progress
// (htmx:xhr:progress) and a message when the connection breaks (htmx:sendError), the "gäller
// per" date proposed from the file name and hidden for course files. The form works without
// this script (plain multipart POST; the server checks size and date too); this only adds comfort.
(() => {
  const form = document.querySelector("[data-upload-form]");
  if (!form) return;
  const zone = form.querySelector("[data-dropzone]");
  const input = form.querySelector('input[type="file"]');
  const progress = form.querySelector("[data-upload-progress]");
  const problem = form.querySelector("[data-upload-error]");
  const asOfField = form.querySelector("[data-as-of-field]");
  const asOf = form.querySelector('input[name="asOf"]');
  const asOfNote = form.querySelector("[data-as-of-note]");
  const maxBytes = Number(form.dataset.maxBytes) || 0;
  const limitLabel = form.dataset.limitLabel || "";

  const say = (message) => {
    if (!problem) return;
    problem.textContent = message;
    problem.hidden = !message;
  };
  const megabytes = (bytes) =>
    (bytes / (1024 * 1024)).toLocaleString("sv-SE", { maximumFractionDigits: 1 });
  /** The message for a file too big to send, or "" when it may go. */
  const sizeProblem = () => {
    const file = input?.files?.[0];
    if (!file || !maxBytes || file.size <= maxBytes) return "";
    return `Filen ${file.name} är ${megabytes(file.size)} MB; högst ${limitLabel} tas emot. Dela upp filen eller spara den som .xlsx (mindre än .csv och .xls) och försök igen.`;
  };
  const kind = () => form.querySelector('input[name="kind"]:checked')?.value;

  // Course files carry their own dates: the "gäller per" date is only for staff lists.
  const showAsOf = () => {
    if (!asOfField || !asOf) return;
    const staff = kind() === "staff";
    asOfField.hidden = !staff;
    // The wrapper is a flex box (.stack), which would override the hidden attribute.
    asOfField.style.display = staff ? "" : "none";
    asOf.disabled = !staff;
  };
  for (const radio of form.querySelectorAll('input[name="kind"]')) {
    radio.addEventListener("change", showAsOf);
  }
  showAsOf();

  /** "personal-2025-12-31.xlsx", "Personal 20191231.csv" → "2025-12-31", else null. */
  const dateInName = (name) => {
    const m = /(?:^|\D)(\d{4})-?(\d{2})-?(\d{2})(?:\D|$)/.exec(name);
    if (!m) return null;
    const iso = `${m[1]}-${m[2]}-${m[3]}`;
    const d = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
  };
  const fileChosen = () => {
    say(sizeProblem());
    const file = input?.files?.[0];
    const proposed = file ? dateInName(file.name) : null;
    if (asOf && asOfNote && proposed && kind() === "staff") {
      asOf.value = proposed;
      asOfNote.textContent = `Datumet ${proposed} är hämtat från filnamnet. Ändra det om listan gäller ett annat datum.`;
      asOfNote.hidden = false;
    } else if (asOfNote) asOfNote.hidden = true;
  };
  input?.addEventListener("change", fileChosen);

  if (zone && input) {
    for (const type of ["dragenter", "dragover"]) {
      zone.addEventListener(type, (e) => {
        e.preventDefault();
        zone.classList.add("dragover");
      });
    }
    for (const type of ["dragleave", "drop"]) {
      zone.addEventListener(type, () => zone.classList.remove("dragover"));
    }
    zone.addEventListener("drop", (e) => {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length > 0) {
        input.files = e.dataTransfer.files;
        fileChosen();
      }
    });
  }
  // Without htmx (the plain form) the browser would still send a too big file: stop it here.
  form.addEventListener("submit", (e) => {
    const tooBig = sizeProblem();
    if (tooBig) {
      e.preventDefault();
      e.stopImmediatePropagation();
      say(tooBig);
    }
  });
  // Cancelled before anything is sent: a file over the limit would only reset the connection.
  form.addEventListener("htmx:beforeRequest", (e) => {
    const tooBig = sizeProblem();
    if (tooBig) {
      e.preventDefault();
      say(tooBig);
      return;
    }
    say("");
    if (progress) {
      progress.hidden = false;
      progress.value = 0;
    }
  });
  if (progress) {
    form.addEventListener("htmx:xhr:progress", (e) => {
      const { loaded, total } = e.detail;
      if (total > 0) progress.value = Math.round((loaded / total) * 100);
    });
    form.addEventListener("htmx:afterRequest", () => {
      progress.hidden = true;
    });
  }
  form.addEventListener("htmx:sendError", () => {
    if (progress) progress.hidden = true;
    say(
      `Filen kom inte fram: anslutningen bröts under uppladdningen. Kontrollera att filen är högst ${limitLabel} och att du är uppkopplad, och försök igen.`,
    );
  });
  form.addEventListener("htmx:responseError", (e) => {
    if (progress) progress.hidden = true;
    const status = e.detail?.xhr?.status;
    say(
      status === 413
        ? `Filen är för stor; högst ${limitLabel} tas emot.`
        : "Något gick fel på servern när filen lästes. Försök igen om en stund; kvarstår felet, kontakta administratören.",
    );
  });
})();

// Confirm and undo can take a while on a big file: show that the work is running and keep a
// second click from sending the form again (the server applies a confirm once anyway).
document.addEventListener("submit", (e) => {
  const form = e.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.busy || e.defaultPrevented) return;
  const button =
    e.submitter instanceof HTMLButtonElement
      ? e.submitter
      : form.querySelector('button[type="submit"]');
  const progress = form.querySelector("[data-busy-progress]");
  const status = form.querySelector("[data-busy-status]");
  // Disabled after the submit has captured the form data, so the request is unaffected.
  const label = button?.dataset.busy || form.dataset.busy;
  setTimeout(() => {
    for (const b of form.querySelectorAll("button")) b.disabled = true;
    if (button) button.textContent = label;
    if (status) status.textContent = label;
  });
  if (progress) progress.hidden = false;
});
