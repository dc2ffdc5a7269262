/**
 * The address people reach Genomförd at, for links that leave the request (set-password
 * links shown to an admin or sent by e-mail). Taken from configuration, never from the
 * request's Host header: a forged Host would otherwise put an attacker's host in a link
 * that carries a password token.
 */
import type { AppEnv } from "../env";
import { allowedOriginsFromEnv } from "./guard";

/** `PUBLIC_URL`'s origin, else the first `ORIGIN`; null when neither is a valid http(s) URL. */
export function publicOriginFromEnv(env: {
  PUBLIC_URL?: string | undefined;
  ORIGIN?: string | undefined;
}): string | null {
  for (const candidate of [env.PUBLIC_URL?.trim(), allowedOriginsFromEnv(env)[0]]) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate);
      if (url.protocol === "https:" || url.protocol === "http:") return url.origin;
    } catch {
      // not a URL: try the next candidate
    }
  }
  return null;
}

/**
 * An absolute link to `path` on the public origin. Without configuration (a developer's
 * machine) the request's own origin is used.
 */
export function publicLink(
  c: { var: Pick<AppEnv["Variables"], "publicOrigin">; req: { url: string } },
  path: string,
): string {
  return new URL(path, c.var.publicOrigin ?? c.req.url).toString();
}
