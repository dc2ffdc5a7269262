import { describe, expect, it } from "vitest";
import { useServerAndBrowser } from "./harness";

describe("start page in a real browser", () => {
  const e2e = useServerAndBrowser();

  it("logs in and shows the demo coverage with htmx and CSS loaded locally", async () => {
    const page = await e2e.browser.newPage();
    const external: string[] = [];
    const cspViolations: string[] = [];
    page.on("console", (msg) => {
      if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
    });
    page.on("request", (req) => {
      if (!req.url().startsWith(e2e.baseUrl)) external.push(req.url());
    });
    await page.goto(`${e2e.baseUrl}/`);
    // Anonymous → login form; the demo ledning account sees the whole organisation.
    await page.getByLabel("E-postadress").fill("ledning@demo.se");
    await page.getByLabel("Lösenord").fill("demo-genomford");
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL(`${e2e.baseUrl}/`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Täckning just nu");
    const headcount = await page.locator(".figure-value").first().textContent();
    expect(Number(headcount?.replace(/\s/g, ""))).toBeGreaterThan(900);
    await expect(page.locator("table.coverage-table tbody tr").count()).resolves.toBe(6);
    await page.waitForFunction(() => "htmx" in window);
    const background = await page
      .locator(".site-header")
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe("rgb(11, 92, 173)");
    expect(external).toEqual([]);
    // htmx must not inject its indicator <style> (the CSP forbids inline styles).
    await expect(page.locator("head style").count()).resolves.toBe(0);
    await expect(page.locator("meter.bar").count()).resolves.toBe(6);
    expect(cspViolations).toEqual([]);
    await page.screenshot({ path: "test-results/home.png", fullPage: true });
  });
});
