import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { SESSION_LIFETIME_MS } from "./session";

export const SESSION_COOKIE = "genomford_session";

/** HttpOnly, SameSite=Lax, and Secure everywhere but plain-http localhost development. */
export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isSecureOrigin(c),
    path: "/",
    maxAge: Math.floor(SESSION_LIFETIME_MS / 1000),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isSecureOrigin(c) });
}

/** Plain http is only tolerated on loopback hosts (development, tests). */
export function isSecureOrigin(c: Context): boolean {
  const url = new URL(c.req.url);
  const local =
    url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
  return url.protocol === "https:" || !local;
}
