import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useServerAndBrowser } from "./harness";

describe("coverage and annual report in a real browser", () => {
  const e2e = useServerAndBrowser();
  let page: Page;
  beforeAll(async () => {
    page = await e2e.browser.newPage({ viewport: { width: 1200, height: 900 } });
    await e2e.signIn("ledning@demo.se", "/tackning", page);
  });

  it("changing the unit swaps the result with htmx and pushes the URL, without a page load", async () => {
    await page.waitForFunction(() => "htmx" in window);
    // A marker on window survives an htmx swap but not a full page load.
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
    });
    const fsk = await page
      .locator("#enhet option", { hasText: "Avdelningen för förskola" })
      .getAttribute("value");
    await page.selectOption("#enhet", fsk!);
    await page.waitForURL(/enhet=\d+/);
    await expect(page.locator("#coverage-result h2").textContent()).resolves.toBe(
      "Avdelningen för förskola",
    );
    await expect(
      page.locator("#coverage-result table.coverage-table tbody tr").count(),
    ).resolves.toBe(10);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await page.fill("#datum", "2025-12-31");
    await page.locator("#datum").dispatchEvent("change");
    await page.waitForURL(/datum=2025-12-31/);
    await expect(page.locator("#coverage-result .lead").textContent()).resolves.toContain(
      "31 december 2025",
    );
    expect(await page.locator("svg.line-chart circle").count()).toBe(24);
    await page.screenshot({ path: "test-results/coverage.png", fullPage: true });
  });

  it("shows the annual report with its sentence", async () => {
    await page.goto(`${e2e.baseUrl}/rapport/2025`);
    await expect(page.locator("blockquote.annual-sentence").textContent()).resolves.toMatch(
      /^Under året har \d+ medarbetare av ca 1000 påbörjat eller helt genomfört utbildningen\./,
    );
    await page.screenshot({ path: "test-results/annual-report.png", fullPage: true });
    await page.getByRole("link", { name: "Lås årsrapporten 2025" }).click();
    await page.getByRole("button", { name: "Ja, lås årsrapporten 2025" }).click();
    await page.waitForURL(/meddelande=locked/);
    await expect(page.locator(".lock-state").textContent()).resolves.toContain("Låst");
    await expect(page.getByRole("link", { name: /Lås årsrapporten/ }).count()).resolves.toBe(0);
  });

  it("lists a unit's staff, those who have not started first", async () => {
    await page.goto(`${e2e.baseUrl}/tackning`);
    await page.locator("table.coverage-table a", { hasText: "Avdelningen för förskola" }).click();
    await page.locator("table.coverage-table a.staff-link").first().click();
    await page.waitForURL(/\/tackning\/enhet\/\d+/);
    await expect(page.locator("h1").textContent()).resolves.toMatch(/^Personal: /);
    await expect(page.locator(".staff-table tbody tr").first().getAttribute("class")).resolves.toBe(
      "status-not_started",
    );
    await page.screenshot({ path: "test-results/staff-list.png", fullPage: true });
  });
});
