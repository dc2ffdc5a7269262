// Every page: the phone-width menu, and what htmx swaps mean for screen-reader users.
// The pages work without this script; it only adds comfort.
document.documentElement.classList.add("js");

// "Meny" opens and closes the main menu on a narrow screen (the button is hidden on wide ones).
document.addEventListener("click", (e) => {
  const toggle = e.target instanceof Element ? e.target.closest("[data-menu-toggle]") : null;
  if (!toggle) return;
  const menu = document.getElementById(toggle.getAttribute("aria-controls") ?? "");
  if (!menu) return;
  const open = toggle.getAttribute("aria-expanded") !== "true";
  toggle.setAttribute("aria-expanded", String(open));
  menu.classList.toggle("open", open);
});

// After a swap, say what changed in the live region: the fragment's own summary
// ([data-announce]), an error it shows, or the (new) page title. htmx has already updated
// document.title from the fragment's <title> by then.
document.addEventListener("htmx:afterSettle", (e) => {
  const live = document.getElementById("live-region");
  const target = e.detail?.target;
  if (!live || !(target instanceof Element) || target.closest("datalist, select")) return;
  const summary = target.querySelector("[data-announce]");
  const error = target.querySelector(".notice.error");
  const text =
    summary?.getAttribute("data-announce") ||
    error?.textContent ||
    `Uppdaterat: ${document.title.replace(/ – Genomförd$/, "")}`;
  // Emptied first, so the same message twice in a row is read again.
  live.textContent = "";
  setTimeout(() => {
    live.textContent = text.trim().replace(/\s+/g, " ");
  }, 50);
});

// A request that never reached the server (network down, connection reset) otherwise ends
// silently: say so where the answer would have appeared.
document.addEventListener("htmx:sendError", () => {
  const live = document.getElementById("live-region");
  if (live)
    live.textContent = "Det gick inte att nå servern. Kontrollera anslutningen och försök igen.";
});
