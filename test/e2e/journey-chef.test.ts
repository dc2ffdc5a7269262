/**
 * Journey 2 (issue 16): a unit manager sees who has not started first, copies their
 * addresses, searches, filters and sorts the staff list and exports the filtered list
 * (read back with SheetJS) — on a desktop and on a 390 px phone.
 */
import type { Download, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { useServerAndBrowser } from "./harness";
import { checkPage, DESKTOP, PHONE } from "./journey-kit";

const CHEF = "chef@demo.se";
const UNIT = "Bredängs förskoleenhet";

async function sheetRows(download: Download): Promise<Record<string, unknown>[]> {
  const path = await download.path();
  const { readFileSync } = await import("node:fs");
  const wb = XLSX.read(readFileSync(path), { type: "buffer" });
  return XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.Personal!);
}

/** The names in the staff table's rows, in order. */
const tableNames = (page: Page) =>
  page.locator("#staff-result table tbody th[scope=row] a").allTextContents();

/** Waits for an htmx swap of the staff list to finish (the request and the settle). */
async function afterSwap(page: Page, action: () => Promise<void>) {
  const settled = page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        document.body.addEventListener("htmx:afterSettle", () => resolve(), { once: true }),
      ),
  );
  await action();
  await settled;
}

describe("journey 2: the unit manager", () => {
  const e2e = useServerAndBrowser();

  it("sees who remains first, copies their addresses, filters and exports exactly them", async () => {
    const context = await e2e.browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: e2e.baseUrl,
    });
    const page = await e2e.signIn(CHEF, "/", await context.newPage());
    try {
      // 1. The start page: the unit's figure and who has not started, with addresses.
      await expect(page.locator("h1").textContent()).resolves.toBe(UNIT);
      const heading = (await page.locator("section.remaining h2").textContent()) ?? "";
      const remaining = Number(/(\d+) har inte påbörjat/.exec(heading)?.[1]);
      expect(remaining).toBeGreaterThan(0);
      const listed = await page.locator("table.remaining-table tbody tr").count();
      expect(listed).toBe(Math.min(remaining, 50));
      const addresses = await page.locator("[data-copy-source]").inputValue();
      expect(addresses.split("; ").length).toBeGreaterThan(0);
      await checkPage(page, "chef-1-start");

      // 2. "Kopiera adresser" puts exactly the box's addresses on the clipboard.
      await page.getByRole("button", { name: "Kopiera adresser" }).click();
      // The status is written once the (asynchronous) clipboard write has finished.
      await page
        .locator("[data-copy-status]", { hasText: /adress(er)? kopierad/ })
        .waitFor({ timeout: 30_000 });
      await expect(page.locator("[data-copy-status]").textContent()).resolves.toMatch(
        /adress(er)? kopierad/,
      );
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(addresses);

      // 3. The whole staff list, then a search that narrows it down.
      await page.getByRole("link", { name: "Hela personallistan" }).click();
      await page.waitForURL(/\/tackning\/enhet\/\d+/);
      const everyone = await tableNames(page);
      expect(everyone.length).toBeGreaterThan(remaining);
      await checkPage(page, "chef-2-staff-list");
      const someone = everyone.at(-1)!;
      const surname = someone.split(" ").at(-1)!;
      await afterSwap(page, () => page.getByLabel(/^Sök/).fill(surname));
      const found = await tableNames(page);
      expect(found).toContain(someone);
      expect(found.length).toBeLessThan(everyone.length);
      expect(page.url()).toContain(`sok=${encodeURIComponent(surname)}`);
      await checkPage(page, "chef-3-search");

      // 4. Only those who have not started, sorted by name (Z→A).
      await afterSwap(page, () => page.getByLabel(/^Sök/).fill(""));
      await afterSwap(page, () => page.getByLabel("Bara de som inte påbörjat").check());
      expect(await tableNames(page)).toHaveLength(remaining);
      await afterSwap(page, () =>
        page.locator("#staff-result thead").getByRole("link", { name: "Namn" }).click(),
      );
      await afterSwap(page, () =>
        page.locator("#staff-result thead").getByRole("link", { name: /Namn/ }).click(),
      );
      await expect(
        page.locator('#staff-result th[aria-sort="descending"]').textContent(),
      ).resolves.toContain("Namn");
      const sorted = await tableNames(page);
      expect(sorted).toHaveLength(remaining);
      await checkPage(page, "chef-4-not-started");

      // 5. The export follows the filter and the order: exactly the rows on screen.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Exportera urvalet (Excel)" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/-ej-paborjat\.xlsx$/);
      const rows = await sheetRows(download);
      expect(rows.map((r) => r.Namn)).toEqual(sorted);
      expect(new Set(rows.map((r) => r.Status))).toEqual(new Set(["Ej påbörjad"]));
    } finally {
      await context.close();
    }
  }, 240_000);

  it("does the same on a 390 px phone: menu, who remains, filtered export", async () => {
    const context = await e2e.browser.newContext({ viewport: PHONE, acceptDownloads: true });
    const page = await e2e.signIn(CHEF, "/", await context.newPage());
    try {
      await expect(page.locator("h1").textContent()).resolves.toBe(UNIT);
      // The header folds into a menu at this width.
      const menu = page.getByRole("button", { name: "Meny" });
      await expect(menu.isVisible()).resolves.toBe(true);
      const heading = (await page.locator("section.remaining h2").textContent()) ?? "";
      const remaining = Number(/(\d+) har inte påbörjat/.exec(heading)?.[1]);
      await expect(
        page.getByRole("button", { name: "Kopiera adresser" }).isVisible(),
      ).resolves.toBe(true);
      await page
        .locator("section.remaining")
        .getByRole("link", { name: /^Visa (alla \d+ som inte påbörjat|i personallistan)$/ })
        .click();
      await page.waitForURL(/visa=kvar/);
      await expect(page.getByLabel("Bara de som inte påbörjat").isChecked()).resolves.toBe(true);
      expect(await tableNames(page)).toHaveLength(Math.min(remaining, 50));
      await checkPage(page, "chef-5-phone-not-started");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Exportera urvalet (Excel)" }).click(),
      ]);
      const rows = await sheetRows(download);
      expect(rows).toHaveLength(remaining);
      expect(rows.every((r) => r.Status === "Ej påbörjad")).toBe(true);
    } finally {
      await context.close();
    }
  }, 180_000);
});
