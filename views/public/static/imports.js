// Imports page: drag and drop onto the file field, and upload progress (htmx:xhr:progress).
// The form works without this script (plain multipart POST); this only adds comfort.
(() => {
  const form = document.querySelector("[data-upload-form]");
  if (!form) return;
  const zone = form.querySelector("[data-dropzone]");
  const input = form.querySelector('input[type="file"]');
  const progress = form.querySelector("[data-upload-progress]");
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
      if (e.dataTransfer && e.dataTransfer.files.length > 0) input.files = e.dataTransfer.files;
    });
  }
  if (progress) {
    form.addEventListener("htmx:beforeRequest", () => {
      progress.hidden = false;
      progress.value = 0;
    });
    form.addEventListener("htmx:xhr:progress", (e) => {
      const { loaded, total } = e.detail;
      if (total > 0) progress.value = Math.round((loaded / total) * 100);
    });
    form.addEventListener("htmx:afterRequest", () => {
      progress.hidden = true;
    });
  }
})();

// Confirm and undo can take a while on a big file: show that the work is running and keep a
// second click from sending the form again (the server applies a confirm once anyway).
document.addEventListener("submit", (e) => {
  const form = e.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.busy) return;
  const button = form.querySelector('button[type="submit"]');
  const progress = form.querySelector("[data-busy-progress]");
  if (button) {
    // Disabled after the submit has captured the form data, so the request is unaffected.
    setTimeout(() => {
      button.disabled = true;
      button.textContent = form.dataset.busy;
    });
  }
  if (progress) progress.hidden = false;
});
