/**
 * Journey "everyone" (issue 16): every top-level page of every role, and the error pages, at
 * desktop and phone width through checkPage (axe: no serious/critical finding; no sideways
 * scroll at 390 px). Also the phone menu and what an htmx swap tells the user.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useServerAndBrowser } from "./harness";
import { checkPage, PHONE } from "./journey-kit";

/** The pages each role reaches from its menu (and the account page everyone has). */
const PAGES: Record<string, string[]> = {
  admin: [
    "/",
    "/imports",
    "/imports/unmatched",
    "/tackning",
    "/rapport",
    "/handlingsplan",
    "/admin/users",
    "/admin/users/new",
    "/admin/audit",
    "/admin/integritet",
    "/admin/integritet/atkomst",
    "/password",
  ],
  hr: ["/", "/imports", "/imports/unmatched", "/tackning", "/rapport", "/handlingsplan"],
  ledning: ["/", "/tackning", "/rapport", "/handlingsplan"],
  chef: ["/", "/tackning", "/rapport", "/handlingsplan"],
};

const PAGE_TIMEOUT_MS = 60_000;
const slug = (path: string) => path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "start";

async function visit(page: Page, url: string): Promise<number> {
  const res = await page.goto(url, { waitUntil: "load", timeout: PAGE_TIMEOUT_MS });
  await page.waitForFunction(
    () => "htmx" in window && document.documentElement.classList.contains("js"),
  );
  return res?.status() ?? 0;
}

describe("journey: everyone, every page at 1366 and 390 px", () => {
  const e2e = useServerAndBrowser();

  it("an anonymous visitor sees the login page", async () => {
    const page = await e2e.browser.newPage();
    await visit(page, `${e2e.baseUrl}/login`);
    await checkPage(page, "everyone-login");
    await page.close();
  }, 120_000);

  for (const [role, paths] of Object.entries(PAGES)) {
    it(`${role}: every page from the menu`, async () => {
      const page = await e2e.signIn(`${role}@demo.se`);
      for (const path of paths) {
        expect(await visit(page, `${e2e.baseUrl}${path}`), path).toBe(200);
        await checkPage(page, `everyone-${role}-${slug(path)}`);
      }
      await page.close();
    }, 600_000);
  }

  it("403, 404 and a bad query parameter keep the layout and the menu, in Swedish", async () => {
    const chef = await e2e.signIn("chef@demo.se");
    expect(await visit(chef, `${e2e.baseUrl}/admin/users`)).toBe(403);
    await expect(chef.locator("h1").textContent()).resolves.toBe("Du har inte behörighet");
    await expect(chef.getByRole("navigation", { name: "Huvudmeny" }).count()).resolves.toBe(1);
    await checkPage(chef, "everyone-403");
    expect(await visit(chef, `${e2e.baseUrl}/finns-inte`)).toBe(404);
    await expect(chef.locator("h1").textContent()).resolves.toBe("Sidan hittades inte");
    await expect(chef.getByRole("link", { name: "Täckning" }).count()).resolves.toBe(1);
    await checkPage(chef, "everyone-404");
    await chef.close();

    const admin = await e2e.signIn("admin@demo.se");
    expect(await visit(admin, `${e2e.baseUrl}/admin/audit?page=tre`)).toBe(400);
    const text = (await admin.locator("main").textContent()) ?? "";
    expect(text).toContain("Felaktig adress");
    expect(text).not.toMatch(/"success"|ZodError|issues/);
    await checkPage(admin, "everyone-400");
    await admin.close();
  }, 300_000);

  it("at phone width the menu folds behind a button; an htmx swap updates title and live region", async () => {
    const page = await e2e.browser.newPage({ viewport: PHONE });
    await e2e.signIn("ledning@demo.se", "/tackning", page);
    await visit(page, `${e2e.baseUrl}/tackning`);
    const menu = page.getByRole("navigation", { name: "Huvudmeny" });
    await expect(menu.isVisible()).resolves.toBe(false);
    await page.getByRole("button", { name: "Meny" }).click();
    await expect(menu.isVisible()).resolves.toBe(true);
    await expect(
      page.getByRole("button", { name: "Meny" }).getAttribute("aria-expanded"),
    ).resolves.toBe("true");
    await checkPage(page, "everyone-menu-open");

    const unit = await page
      .locator("#enhet option", { hasText: "Avdelningen för förskola" })
      .getAttribute("value");
    await page.selectOption("#enhet", unit!);
    await page.waitForFunction(() =>
      document.title.startsWith("Täckning: Avdelningen för förskola"),
    );
    await page.waitForFunction(
      () => (document.getElementById("live-region")?.textContent ?? "").length > 0,
    );
    await expect(page.locator("#live-region").textContent()).resolves.toContain(
      "Avdelningen för förskola",
    );
    await checkPage(page, "everyone-coverage-swapped");
    await page.close();
  }, 300_000);
});
