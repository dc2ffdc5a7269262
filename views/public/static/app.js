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

// A table that no page put in a scroll box (views/components/table-wrap.tsx) gets one here, so
// at phone width it scrolls in its own box — focusable, so the keyboard can scroll it too — and
// never widens the page. Without script, app.css lets such a table scroll by itself instead.
function wrapTables(root) {
  for (const table of root.querySelectorAll("main table:not(.cards)")) {
    if (table.parentElement?.classList.contains("table-wrap")) continue;
    const box = document.createElement("section");
    box.className = "table-wrap";
    box.tabIndex = 0;
    const caption = table.querySelector("caption")?.textContent?.trim();
    box.setAttribute("aria-label", caption || "Tabell");
    table.replaceWith(box);
    box.append(table);
  }
}
wrapTables(document);
document.addEventListener("htmx:afterSettle", () => wrapTables(document));

// After a swap the tab gets the fragment's page title (header X-Page-Title, set by the
// renderer), and the live region says what changed: the fragment's own summary
// ([data-announce]), an error it shows, or the new page title.
document.addEventListener("htmx:afterSettle", (e) => {
  const title = e.detail?.xhr?.getResponseHeader("X-Page-Title");
  if (title) document.title = decodeURIComponent(title);
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
