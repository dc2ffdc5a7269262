import { describe, expect, it } from "vitest";
import { useServerAndBrowser } from "./harness";

describe("admin creates an account in a real browser", () => {
  const e2e = useServerAndBrowser();

  it("creates a chef, who sets a password from the one-time link and sees only their unit", async () => {
    const admin = await e2e.browser.newPage();
    const cspViolations: string[] = [];
    admin.on("console", (msg) => {
      if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
    });
    await admin.goto(`${e2e.baseUrl}/admin/users/new`);
    await admin.getByLabel("E-postadress").fill("admin@demo.se");
    await admin.getByLabel("Lösenord").fill("demo-genomford");
    await admin.getByRole("button", { name: "Logga in" }).click();
    await admin.waitForURL(`${e2e.baseUrl}/admin/users/new`);
    await admin.getByLabel("Namn").fill("Sara Sätra");
    await admin.getByLabel("E-postadress").fill("sara@demo.se");
    await admin.getByLabel("Roll").selectOption("chef");
    await admin.getByLabel("Sätra förskoleenhet").check();
    await admin.getByRole("button", { name: "Skapa konto" }).click();
    const link = await admin.getByLabel("Länk för att välja lösenord").inputValue();
    expect(link).toMatch(new RegExp(`^${e2e.baseUrl}/set-password/[a-z2-7]+$`));
    await admin.screenshot({ path: "test-results/admin-link.png", fullPage: true });
    expect(cspViolations).toEqual([]);

    const chef = await (await e2e.browser.newContext()).newPage();
    await chef.goto(link);
    await chef.getByLabel("Nytt lösenord").fill("saras egen lösenfras");
    await chef.getByLabel("Upprepa det nya lösenordet").fill("saras egen lösenfras");
    await chef.getByRole("button", { name: "Spara lösenordet" }).click();
    await chef.waitForURL(/\/login\?klart/);
    await chef.getByLabel("E-postadress").fill("sara@demo.se");
    await chef.getByLabel("Lösenord").fill("saras egen lösenfras");
    await chef.getByRole("button", { name: "Logga in" }).click();
    await chef.waitForURL(`${e2e.baseUrl}/`);
    // The chef's first view is their own unit and who remains; the coverage page shows only it.
    await expect(chef.locator("h1").textContent()).resolves.toContain("Sätra förskoleenhet");
    await chef.goto(`${e2e.baseUrl}/tackning`);
    const rows = await chef.locator("table.coverage-table tbody th").allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.trim()).toMatch(/^Sätra förskoleenhet \(FSK02\)/);
  });
});
