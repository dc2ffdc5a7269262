import type { Hono } from "hono";
import type { AppEnv } from "../../src/env";

/** `app.request` resolves against this origin; same-origin form posts carry it. */
export const ORIGIN = "http://localhost";

/** A browser-like same-origin form post. */
export function postForm(
  app: Hono<AppEnv>,
  path: string,
  fields: Record<string, string | string[]> = {},
  headers: Record<string, string> = {},
): Promise<Response> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  }
  return Promise.resolve(
    app.request(path, {
      method: "POST",
      body,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: ORIGIN,
        ...headers,
      },
    }),
  );
}

/** The `name=value` of a Set-Cookie for `name`, ready for a Cookie header (null if absent). */
export function cookieFrom(res: Response, name: string): string | null {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    if (pair?.startsWith(`${name}=`) && pair.length > name.length + 1) return pair;
  }
  return null;
}
