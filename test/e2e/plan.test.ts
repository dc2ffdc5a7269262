import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useServerAndBrowser } from "./harness";

const EXAMPLE = fileURLToPath(
  new URL("../../imports/examples/handlingsplan-2019.xlsx", import.meta.url),
);

describe("action plan, yearly review and its print view in a real browser", () => {
  const e2e = useServerAndBrowser();
  let page: Page;
  beforeAll(async () => {
    page = await e2e.browser.newPage({ viewport: { width: 1200, height: 900 } });
    await e2e.signIn("ledning@demo.se", "/handlingsplan/2025", page);
  });

  it("ledning imports the plan file and links the web-course activity to its course", async () => {
    await page.setInputFiles("#plan-file", EXAMPLE);
    await page.getByRole("button", { name: "Importera" }).click();
    await page.waitForURL(/meddelande=importerad/);
    await expect(page.locator(".notice.ok").textContent()).resolves.toContain("30 nya");
    await expect(page.locator("table.plan-counts tfoot td").first().textContent()).resolves.toBe(
      "30",
    );

    await page.getByRole("link", { name: /All personal ska genomgå webbutbildningen/ }).click();
    await page.selectOption("#courseId", "vbe-webb");
    await page.fill("#targetPercent", "90");
    await page.getByRole("button", { name: "Spara" }).click();
    await page.waitForURL(/meddelande=sparad/);
    const figure = await page.locator(".course-figure strong").textContent();
    expect(figure).toMatch(/^\d+ av \d+ \(\d+ %\)$/);
    await page.screenshot({ path: "test-results/plan.png", fullPage: true });

    // The same numbers as the annual report for 2025.
    await page.goto(`${e2e.baseUrl}/rapport/2025`);
    const sentence = (await page.locator("blockquote.annual-sentence").textContent()) ?? "";
    const reached = /har (\d+) medarbetare/.exec(sentence)?.[1];
    expect(figure!.startsWith(`${reached} av `)).toBe(true);
  });

  it("the review page reads like the review: plan sentences around the training sentence", async () => {
    await page.goto(`${e2e.baseUrl}/handlingsplan/2025/berattelse`);
    const paragraph = (await page.locator(".review-paragraph").textContent()) ?? "";
    expect(paragraph).toMatch(
      /^Förvaltningen har i handlingsplanen för arbetet mot våldsbejakande extremism 30 aktiviteter inom områdena .+\. (Under året|Totalt) har \d+ medarbetare av ca \d+ .+ Förvaltningen har inte kunnat genomföra fyra av de beslutade aktiviteterna\. Fem aktiviteter är delvis genomförda\./,
    );
    await expect(page.locator("#ej-genomforda + ul li").count()).resolves.toBe(4);
    await expect(page.locator("#delvis-genomforda + ul li").count()).resolves.toBe(5);
    await page.screenshot({ path: "test-results/plan-review.png", fullPage: true });

    // Printed straight from the page: no menu, no buttons.
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("header.site-header").isVisible()).resolves.toBe(false);
    await expect(page.locator(".review-paragraph").isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: "screen" });
  });

  it("the print view is an A4 document without the app's menu", async () => {
    await page.goto(`${e2e.baseUrl}/handlingsplan/2025/berattelse`);
    await page.getByRole("link", { name: "Utskriftsvänlig version (A4)" }).click();
    await page.waitForURL(/\/berattelse\/utskrift$/);
    await expect(page.locator("h1").textContent()).resolves.toBe("Verksamhetsberättelse 2025");
    await expect(page.locator("nav").count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: "Skriv ut" }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: "test-results/plan-print.png", fullPage: true });

    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "Skriv ut" }).isVisible()).resolves.toBe(false);
    await expect(page.locator(".review-paragraph").textContent()).resolves.toContain(
      "30 aktiviteter",
    );
    // Chromium lays the page out by the stylesheet's @page rule: A4 is 595 × 842 points.
    const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true })).toString("latin1");
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
    expect(box).not.toBeNull();
    expect(Math.round(Number(box![1]))).toBe(595);
    expect(Math.round(Number(box![2]))).toBe(842);
    await page.emulateMedia({ media: "screen" });
  });
});
