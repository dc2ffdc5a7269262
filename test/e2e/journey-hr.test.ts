/**
 * Journey 1 (issue 16), HR: upload a staff list → preview with per-person changes (and the
 * full list as a download) → confirm → import a course export → link an unmatched row →
 * undo with a confirmation. Every page is checked with the journey kit (axe, 390 px, screenshots).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useServerAndBrowser } from "./harness";
import { checkPage } from "./journey-kit";

const STAFF = "imports/examples/personal-2027-03-31.csv";
const COURSES = "imports/examples/webbutbildning-export.csv";

describe("journey 1: HR", () => {
  const e2e = useServerAndBrowser();

  it("staff list with per-person changes → confirm → course export → link → undo", {
    timeout: 240_000,
  }, async () => {
    const page = await e2e.signIn("hr@demo.se", "/imports");
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.waitForFunction(() => "htmx" in window);
    await checkPage(page, "hr-1-imports");

    // A file over the limit is stopped in the browser, with a message, before anything is sent.
    let previews = 0;
    page.on("request", (r) => {
      if (r.url().endsWith("/imports/preview")) previews++;
    });
    // Made in the page: sending 21 MB over the DevTools protocol is slow on a busy machine.
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(21 * 1024 * 1024)], "personal-stor.csv"));
      const input = document.querySelector<HTMLInputElement>("#file")!;
      input.files = dt.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await expect(page.locator("[data-upload-error]").textContent()).resolves.toContain(
      "högst 20 MB tas emot",
    );
    await page.getByRole("button", { name: "Förhandsgranska" }).click();
    await expect(page.locator("[data-upload-error]").isVisible()).resolves.toBe(true);
    expect(previews).toBe(0);

    // The "gäller per" date is taken from the file name.
    await page.setInputFiles("#file", STAFF);
    await expect(page.locator("#asOf").inputValue()).resolves.toBe("2027-03-31");
    await expect(page.locator("[data-as-of-note]").textContent()).resolves.toContain(
      "hämtat från filnamnet",
    );
    await page.getByRole("button", { name: "Förhandsgranska" }).click();
    await page.locator("#import-result h2").waitFor({ timeout: 120_000 });
    const heading = await page.locator("#import-result h2").textContent();
    expect(heading).toContain("personal-2027-03-31.csv per 2027-03-31");
    // No date mismatch: the title row and the chosen date agree.
    await expect(page.getByText("Datumet stämmer inte med filen").count()).resolves.toBe(0);

    // Per person: old → new, and why leavers leave.
    const changes = page.locator("table.changes");
    await expect(changes.count()).resolves.toBeGreaterThan(0);
    const moved = page.locator("table.changes td", { hasText: "→" });
    await expect(moved.count()).resolves.toBeGreaterThan(0);
    const why = page.locator("table.changes td", { hasText: "Anställningen avslutas 2027-03-30." });
    await expect(why.count()).resolves.toBeGreaterThan(0);
    await checkPage(page, "hr-2-staff-preview");

    // The full list, not only what the page shows.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Ladda ned hela listan/ }).click(),
    ]);
    const csv = readFileSync((await download.path())!, "utf8");
    const total = Number(
      /\(([\d\s\u00a0]+) ändringar/
        .exec(
          (await page.getByRole("link", { name: /Ladda ned hela listan/ }).textContent()) ?? "",
        )?.[1]
        ?.replace(/\D/g, ""),
    );
    expect(csv.trim().split("\r\n")).toHaveLength(total + 1);
    expect(csv).toContain("Slutar;");

    // Many leavers: HR ticks that the list is complete.
    const tick = page.locator('input[name="acceptLeavers"]');
    if ((await tick.count()) > 0) await tick.check();
    await page.getByRole("button", { name: "Importera" }).click();
    await page.waitForURL(/\/imports\?done=\d+$/, { timeout: 120_000 });
    await expect(page.locator(".notice.ok").textContent()).resolves.toContain("Importen är sparad");
    await checkPage(page, "hr-3-staff-saved");

    // A course export: no "gäller per" date; the preview says why rows did not match.
    await page.getByLabel("Kursexport från webbutbildningen").check();
    await expect(page.locator("#asOf").isVisible()).resolves.toBe(false);
    await page.setInputFiles("#file", COURSES);
    await page.getByRole("button", { name: "Förhandsgranska" }).click();
    await page.locator("#import-result h2").waitFor();
    await expect(page.locator("#import-result").textContent()).resolves.toContain(
      "E-postadressen vikarie.okand@gmail.example.com finns inte hos någon anställd.",
    );
    await checkPage(page, "hr-4-course-preview");
    await page.getByRole("button", { name: "Importera" }).click();
    await page.waitForURL(/\/imports\?done=\d+$/);

    // The queue: the reason per row; suggestions with employee number and unit; link.
    await page.goto(`${e2e.baseUrl}/imports/unmatched`);
    const row = page.locator("tr", { hasText: "vikarie.okand@gmail.example.com" });
    await expect(row.textContent()).resolves.toContain("finns inte hos någon anställd");
    await checkPage(page, "hr-5-queue");
    const input = row.locator('input[name="person"]');
    await input.fill("Sara");
    const option = row.locator("datalist option").first();
    await option.waitFor({ state: "attached" });
    await expect(option.textContent()).resolves.toMatch(/anst\.nr \d+ · /);
    await input.fill((await option.getAttribute("value")) ?? "");
    await row.getByRole("button", { name: "Koppla" }).click();
    await expect(page.locator(".notice").first().textContent()).resolves.toMatch(/kopplade? till/);

    // Undo with a confirmation that says what goes.
    await page.goto(`${e2e.baseUrl}/imports`);
    await page.getByRole("link", { name: "Ångra …" }).first().click();
    await page.waitForURL(/\/imports\/\d+\/undo$/);
    await expect(page.locator("main").textContent()).resolves.toContain("utbildningshändelse");
    await checkPage(page, "hr-6-undo-confirm");
    await page.getByRole("button", { name: "Ja, ångra importen" }).click();
    await page.waitForURL(/\/imports\?undone=\d+$/, { timeout: 120_000 });
    await expect(page.locator(".notice.ok").textContent()).resolves.toMatch(/Import \d+ är ångrad/);
    await checkPage(page, "hr-7-undone");
    expect(errors).toEqual([]);
  });
});
