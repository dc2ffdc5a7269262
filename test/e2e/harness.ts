/**
 * The one setup for browser tests: a real server (see server.ts) and Debian's Chromium,
 * started before the file's tests and both stopped after them, whatever happened.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser";
import { type RunningServer, startServer } from "./server";

export interface E2e {
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly baseUrl: string;
  /** Opens a page on `path` and signs in there with a demo account (password demo-genomford). */
  signIn: (email: string, path?: string, page?: Page) => Promise<Page>;
}

export const DEMO_PASSWORD = "demo-genomford";

/** Registers beforeAll/afterAll in the calling file; read the fields inside tests only. */
export function useServerAndBrowser(): E2e {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const [s, b] = await Promise.allSettled([startServer(), launchBrowser()]);
    if (s.status === "fulfilled") server = s.value;
    if (b.status === "fulfilled") browser = b.value;
    if (s.status === "rejected") throw s.reason;
    if (b.status === "rejected") throw b.reason;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const e2e: E2e = {
    get server() {
      if (!server) throw new Error("server not started");
      return server;
    },
    get browser() {
      if (!browser) throw new Error("browser not started");
      return browser;
    },
    get baseUrl() {
      return e2e.server.baseUrl;
    },
    signIn: async (email, path = "/", existing) => {
      const page = existing ?? (await e2e.browser.newPage());
      await page.goto(`${e2e.baseUrl}/login?next=${encodeURIComponent(path)}`);
      await page.getByLabel("E-postadress").fill(email);
      await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Logga in" }).click();
      await page.waitForURL(`${e2e.baseUrl}${path}`);
      return page;
    },
  };
  return e2e;
}
