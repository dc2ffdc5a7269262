import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useServerAndBrowser } from "./harness";

const EXPORT = "imports/examples/webbutbildning-export.csv";

describe("imports in a real browser", () => {
  const e2e = useServerAndBrowser();

  it("drops a file, previews it over htmx with progress, confirms and undoes it", async () => {
    const page = await e2e.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${e2e.baseUrl}/imports`);
    await page.getByLabel("E-postadress").fill("hr@demo.se");
    await page.getByLabel("Lösenord").fill("demo-genomford");
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL(`${e2e.baseUrl}/imports`);
    await page.waitForFunction(() => "htmx" in window);

    // Drag and drop onto the drop zone fills the file input.
    const csv = readFileSync(EXPORT, "utf8");
    const dropped = await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], "webbutbildning-export.csv", { type: "text/csv" }));
      const zone = document.querySelector("[data-dropzone]")!;
      zone.dispatchEvent(
        new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
      return (document.querySelector("#file") as HTMLInputElement).files?.[0]?.name;
    }, csv);
    expect(dropped).toBe("webbutbildning-export.csv");

    await page.getByLabel("Kursexport från webbutbildningen").check();
    await page.getByRole("button", { name: "Förhandsgranska" }).click();
    await page.locator("#import-result h2").waitFor();
    expect(page.url()).toBe(`${e2e.baseUrl}/imports`); // swapped in place by htmx
    await expect(page.locator("#import-result h2").textContent()).resolves.toContain(
      "Förhandsgranskning: webbutbildning-export.csv",
    );
    await expect(
      page.locator("[data-upload-progress]").evaluate((p: HTMLProgressElement) => p.value),
    ).resolves.toBe(100);

    await page.getByRole("button", { name: "Importera" }).click();
    await page.waitForURL(/\/imports\?done=\d+$/);
    await expect(page.locator(".notice.ok").textContent()).resolves.toContain("Importen är sparad");

    // Undo asks first, with a summary of what goes.
    await page.getByRole("link", { name: "Ångra …" }).first().click();
    await page.getByRole("button", { name: "Ja, ångra importen" }).click();
    await page.waitForURL(/\/imports\?undone=\d+$/);
    await expect(page.locator(".notice.ok").textContent()).resolves.toMatch(/Import \d+ är ångrad/);
    expect(errors).toEqual([]);
    await page.screenshot({ path: "test-results/imports.png", fullPage: true });
  });
});
