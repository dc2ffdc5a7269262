import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./browser";
import { type RunningServer, startServer } from "./server";

describe("admin creates an account in a real browser", () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("creates a chef, who sets a password from the one-time link and sees only their unit", async () => {
    const admin = await browser.newPage();
    const cspViolations: string[] = [];
    admin.on("console", (msg) => {
      if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
    });
    await admin.goto(`${server.baseUrl}/admin/users/new`);
    await admin.getByLabel("E-postadress").fill("admin@demo.se");
    await admin.getByLabel("Lösenord").fill("demo-genomford");
    await admin.getByRole("button", { name: "Logga in" }).click();
    await admin.waitForURL(`${server.baseUrl}/admin/users/new`);
    await admin.getByLabel("Namn").fill("Sara Sätra");
    await admin.getByLabel("E-postadress").fill("sara@demo.se");
    await admin.getByLabel("Roll").selectOption("chef");
    await admin.getByLabel("Sätra förskoleenhet").check();
    await admin.getByRole("button", { name: "Skapa konto" }).click();
    const link = await admin.getByLabel("Länk för att välja lösenord").inputValue();
    expect(link).toMatch(new RegExp(`^${server.baseUrl}/set-password/[a-z2-7]+$`));
    await admin.screenshot({ path: "test-results/admin-link.png", fullPage: true });
    expect(cspViolations).toEqual([]);

    const chef = await (await browser.newContext()).newPage();
    await chef.goto(link);
    await chef.getByLabel("Nytt lösenord").fill("saras egen lösenfras");
    await chef.getByLabel("Upprepa det nya lösenordet").fill("saras egen lösenfras");
    await chef.getByRole("button", { name: "Spara lösenordet" }).click();
    await chef.waitForURL(/\/login\?klart/);
    await chef.getByLabel("E-postadress").fill("sara@demo.se");
    await chef.getByLabel("Lösenord").fill("saras egen lösenfras");
    await chef.getByRole("button", { name: "Logga in" }).click();
    await chef.waitForURL(`${server.baseUrl}/`);
    const rows = await chef.locator("table.coverage-table tbody th").allTextContents();
    expect(rows.map((r) => r.trim())).toEqual(["Sätra förskoleenhet (FSK02)"]);
  });
});
