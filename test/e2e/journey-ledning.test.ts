/**
 * Journey 3 (issue 16), management: the annual report → lock it after a confirmation → HR
 * imports a correction → the page and the exports still show the locked figure, and the
 * change shows only under "Beräknat nu". Every page is checked at 1366 and 390 px (axe,
 * no sideways scroll) by checkPage.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { useServerAndBrowser } from "./harness";
import { checkPage } from "./journey-kit";

const YEAR = 2025;

/** The reached figure on the report's card ("Påbörjat eller genomfört"). */
async function reachedCard(page: Page): Promise<number> {
  const text = await page
    .locator(".figures .figure", { hasText: "Påbörjat eller genomfört" })
    .locator(".figure-value")
    .textContent();
  return Number(text!.replace(/\s/g, ""));
}

/** The CSV as rows of fields (no field of these exports holds a quoted ";"). */
function csvRows(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .map((line) => line.split(";"));
}

describe("journey 3: ledning locks the annual report and it stays locked", () => {
  const e2e = useServerAndBrowser();
  let ledning: Page;
  let lockedReached = 0;

  beforeAll(async () => {
    ledning = await e2e.signIn("ledning@demo.se", `/rapport/${YEAR}`);
  });

  it("shows the report with a fitting per-unit table and locks it after a confirmation", async () => {
    await checkPage(ledning, "ledning-1-rapport");
    await expect(ledning.locator(".lead").textContent()).resolves.toContain(
      `per 31 december ${YEAR}`,
    );
    // Every column of the per-unit table is visible in its column at desktop width.
    await ledning.setViewportSize({ width: 1366, height: 900 });
    const fit = await ledning.locator(".annual-table").evaluate((table) => ({
      table: table.scrollWidth,
      box: table.parentElement!.clientWidth,
      headers: [...table.querySelectorAll("thead th")].map((th) => th.textContent!.trim()),
      cells: table.querySelector("tbody tr")!.children.length,
    }));
    expect(fit.table).toBeLessThanOrEqual(fit.box);
    expect(fit.headers).toHaveLength(fit.cells);
    expect(fit.headers.every((h) => h.length > 0)).toBe(true);
    lockedReached = await reachedCard(ledning);
    expect(lockedReached).toBeGreaterThan(0);

    await ledning.getByRole("link", { name: `Lås årsrapporten ${YEAR}` }).click();
    await ledning.waitForURL(`${e2e.baseUrl}/rapport/${YEAR}/las`);
    await expect(ledning.locator("h1").textContent()).resolves.toBe(`Lås årsrapporten ${YEAR}?`);
    await checkPage(ledning, "ledning-2-bekrafta");
    await ledning.getByRole("button", { name: `Ja, lås årsrapporten ${YEAR}` }).click();
    await ledning.waitForURL(/meddelande=locked/);
    await expect(ledning.locator(".lock-state").textContent()).resolves.toMatch(
      /Låst \d{4}-\d{2}-\d{2} av /,
    );
    await checkPage(ledning, "ledning-3-last");
  });

  it("after HR's correction the page and the exports keep the locked figure", async () => {
    // Someone employed at the year's end who had not started: the platform later reports a
    // start in June (a correction of the year's data).
    const unitLink = await ledning.locator(".annual-table tbody a").first().getAttribute("href");
    const unitId = new URL(unitLink!, e2e.baseUrl).searchParams.get("enhet");
    const staff = csvRows(
      await (
        await ledning.request.get(
          `${e2e.baseUrl}/tackning/enhet/${unitId}/export.csv?datum=${YEAR}-12-31`,
        )
      ).text(),
    );
    const [header, ...people] = staff;
    const col = (name: string) => header!.indexOf(name);
    const person = people.find((r) => r[col("Status")] === "Ej påbörjad" && r[col("E-post")]);
    expect(person, "someone who had not started").toBeDefined();
    const correction = [
      "Namn,E-post,Kurs,Status,Startdatum,Slutförd datum",
      `"${person![col("Namn")]}",${person![col("E-post")]},Våldsbejakande extremism – webbutbildning,Påbörjad,${YEAR}-06-15,`,
    ].join("\r\n");

    const hr = await e2e.signIn("hr@demo.se", "/imports", await e2e.browser.newPage());
    await hr.waitForFunction(() => "htmx" in window);
    await hr.getByLabel("Kursexport från webbutbildningen").check();
    await hr.locator("#file").setInputFiles({
      name: "rattelse.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(correction, "utf8"),
    });
    await hr.getByRole("button", { name: "Förhandsgranska" }).click();
    await hr.locator("#import-result h2").waitFor();
    await hr.getByRole("button", { name: /^Importera/ }).click();
    await hr.waitForURL(/\/imports\?done=\d+$/);
    await hr.close();

    await ledning.goto(`${e2e.baseUrl}/rapport/${YEAR}`);
    expect(await reachedCard(ledning)).toBe(lockedReached);
    const recomputed = ledning.locator("section.recomputed");
    await expect(recomputed.locator("h2").textContent()).resolves.toBe("Beräknat nu");
    const row = recomputed.locator("tr", { hasText: "Påbörjat eller genomfört" });
    const cells = (await row.locator("td").allTextContents()).map((t) => t.replace(/\s/g, ""));
    expect(cells).toEqual([String(lockedReached), String(lockedReached + 1), "+1"]);
    await checkPage(ledning, "ledning-4-rattad");

    const csv = await (
      await ledning.request.get(`${e2e.baseUrl}/rapport/${YEAR}/export.csv`)
    ).text();
    const rows = csvRows(csv);
    expect(rows[0]!.slice(0, 5)).toEqual([
      "Enhet",
      "Enhetskod",
      "Per datum",
      "Anställda",
      "Påbörjat eller genomfört",
    ]);
    expect(rows[1]![0]).toBe("Totalt");
    expect(Number(rows[1]![4])).toBe(lockedReached);
    const notes = new Map(rows.filter((r) => r.length === 2).map(([k, v]) => [k, v]));
    expect(notes.get("Per datum")).toBe(`${YEAR}-12-31`);
    expect(notes.get("Låst")).toMatch(
      /^Låst \d{4}-\d{2}-\d{2} av .+\. Siffrorna ovan är de låsta\.$/,
    );
    expect(notes.get("Mening")).toContain(`${lockedReached} medarbetare`);
    expect(notes.get("Beräknat nu")).toContain(`${lockedReached + 1} medarbetare`);

    const xlsx = await (
      await ledning.request.get(`${e2e.baseUrl}/rapport/${YEAR}/export.xlsx`)
    ).body();
    const book = XLSX.read(xlsx);
    const table = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, {
      header: 1,
    });
    expect(table[1]![4]).toBe(lockedReached);
    const about = new Map(
      XLSX.utils.sheet_to_json<[string, string]>(book.Sheets["Om rapporten"]!, { header: 1 }),
    );
    expect(about.get("Låst")).toMatch(/^Ja, .* Rapporten visar de låsta siffrorna\.$/);
    expect(about.get("Beräknat nu")).toMatch(/har rättats sedan låsningen/);
  });

  it("prints on A4 without menu or buttons, with the method and the data's freshness", async () => {
    await ledning.emulateMedia({ media: "print" });
    await expect(ledning.locator(".site-header").isVisible()).resolves.toBe(false);
    await expect(ledning.getByRole("button", { name: "Skriv ut" }).isVisible()).resolves.toBe(
      false,
    );
    await expect(ledning.locator(".report-method").textContent()).resolves.toMatch(
      /Personaldata per \d{4}-\d{2}-\d{2}, kursdata per \d{4}-\d{2}-\d{2}\./,
    );
    const pdf = await ledning.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await ledning.emulateMedia({ media: "screen" });
  });
});
