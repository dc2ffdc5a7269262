/**
 * What every journey step checks on a page it visits (issue 16): axe-core finds no serious or
 * critical violation, the page does not scroll sideways at phone width, and screenshots at
 * desktop and phone width are saved for people to look at (test/e2e/screenshots/, git-ignored).
 */
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { expect } from "vitest";

export const DESKTOP = { width: 1366, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), "screenshots");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core on the page as it is now; only serious and critical findings. */
export async function seriousAxeFindings(page: Page): Promise<AxeFinding[]> {
  const hasAxe = await page.evaluate(() => "axe" in window);
  // Evaluated over CDP rather than as a <script> tag: the app's CSP (script-src 'self') rightly
  // refuses inline scripts.
  if (!hasAxe) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected above, untyped in the page.
    const result = await (window as any).axe.run(document, {
      resultTypes: ["violations"],
    });
    return (
      result.violations as Array<{
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: string[] }>;
      }>
    )
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
      }));
  });
}

/** How far the page scrolls sideways (0 = it fits the viewport). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/**
 * Checks the page at desktop and at phone width: axe at both, no sideways scroll at phone
 * width, a full-page screenshot of each named `<name>-1366.png` / `<name>-390.png`. Leaves the
 * page at the width it had (desktop if it had none).
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const before = page.viewportSize() ?? DESKTOP;
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size.width}.png`), fullPage: true });
    expect(await seriousAxeFindings(page), `axe on ${name} at ${size.width} px`).toEqual([]);
    if (size === PHONE) {
      expect(await horizontalOverflow(page), `sideways scroll on ${name} at 390 px`).toBe(0);
    }
  }
  await page.setViewportSize(before);
}
