/**
 * The browser's part of an SSO sign-in, without a browser: our app through `app.request`,
 * the provider through fetch with a cookie jar (its session and interaction cookies).
 */
import type { Hono } from "hono";
import { expect } from "vitest";
import type { AppEnv } from "../../src/env";
import { cookieFrom, ORIGIN } from "./http";

export class ProviderBrowser {
  private jar = new Map<string, string>();

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1);
      if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  private cookie(): Record<string, string> {
    const pairs = [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
    return pairs ? { cookie: pairs } : {};
  }

  async get(url: string): Promise<Response> {
    const res = await fetch(url, { redirect: "manual", headers: this.cookie() });
    this.remember(res);
    return res;
  }

  async post(url: string, form: Record<string, string>): Promise<Response> {
    const res = await fetch(url, {
      method: "POST",
      redirect: "manual",
      headers: { ...this.cookie(), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form),
    });
    this.remember(res);
    return res;
  }

  /** Follows the provider's redirects from `url` until one leads back to our app. */
  async followToApp(url: string): Promise<URL> {
    let current = url;
    for (let i = 0; i < 10; i++) {
      const res = await this.get(current);
      const location = res.headers.get("location");
      if (!location) {
        throw new Error(`provider stopped at ${current} with ${res.status}: ${await res.text()}`);
      }
      await res.body?.cancel();
      const next = new URL(location, current);
      if (next.origin === ORIGIN) return next;
      current = next.toString();
    }
    throw new Error("too many redirects at the provider");
  }
}

/** /login/sso → provider (sign-in, consent) → our callback; returns the callback's answer. */
export async function ssoRoundTrip(app: Hono<AppEnv>, browser: ProviderBrowser, next = "/") {
  const start = await app.request(`/login/sso?next=${encodeURIComponent(next)}`);
  expect(start.status).toBe(302);
  const flow = cookieFrom(start, "genomford_oidc");
  const callback = await browser.followToApp(start.headers.get("location")!);
  expect(callback.pathname).toBe("/login/sso/callback");
  const res = await app.request(callback.pathname + callback.search, {
    headers: flow ? { cookie: flow } : {},
  });
  return { start, callback, res };
}
