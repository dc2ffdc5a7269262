import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { UserError } from "../domain/user-error";
import type { AppEnv } from "../env";
import { DATABASE_BUSY_MESSAGE, isDatabaseBusy } from "../services/db-busy";
import { isFragment, page } from "./render";

const HEADINGS: Partial<Record<number, string>> = {
  400: "Felaktig adress eller uppgift",
  403: "Du har inte behörighet",
  404: "Sidan hittades inte",
};

/** One Swedish error page for 4xx/5xx; htmx requests get just the message. */
export function errorPage(c: Context<AppEnv>, status: ContentfulStatusCode, message: string) {
  // htmx swaps only 2xx responses: a user's mistake must reach the fragment it was aimed at.
  // No title for a fragment: the page it lands in keeps its own.
  if (isFragment(c)) return page(c, "", <p class="notice error">{message}</p>, status);
  const heading = HEADINGS[status] ?? "Det gick inte";
  return page(
    c,
    heading,
    <>
      <h1>{heading}</h1>
      <p class="notice error">{message}</p>
      <p>
        <a href={backLink(c)}>{backLink(c) === "/" ? "Till startsidan" : "Tillbaka"}</a>
      </p>
    </>,
    status,
  );
}

/** The page a form was posted from (same origin only), else the start page. */
function backLink(c: Context): string {
  const referer = c.req.header("Referer");
  if (c.req.method === "GET" || !referer) return "/";
  try {
    const from = new URL(referer);
    return from.origin === new URL(c.req.url).origin ? from.pathname + from.search : "/";
  } catch {
    return "/";
  }
}

/**
 * The one mapping from a thrown error to a response: a user's mistake (UserError) shows its
 * message with its status — to htmx as a 200 fragment so it is swapped in —, an
 * HTTPException its status, anything else is logged and shown as a 500.
 */
export function errorResponse(err: Error, c: Context<AppEnv>) {
  if (err instanceof UserError) {
    return errorPage(c, isFragment(c) ? 200 : err.status, err.message);
  }
  if (err instanceof HTTPException) {
    // A page visit without a session goes to the login form and comes back afterwards.
    if (err.status === 401 && c.req.method === "GET") {
      const url = new URL(c.req.url);
      const login = `/login?next=${encodeURIComponent(url.pathname + url.search)}`;
      if (c.req.header("HX-Request")) {
        c.header("HX-Redirect", login);
        return c.body(null, 401);
      }
      return c.redirect(login, 302);
    }
    return errorPage(c, err.status, err.message || "Begäran kunde inte utföras.");
  }
  console.error(err);
  // sqld took the write lock away (TRANSACTION_TIMEOUT) or another writer held it: nothing
  // was written, and the same request can simply be sent again.
  if (isDatabaseBusy(err)) return errorPage(c, 503, DATABASE_BUSY_MESSAGE);
  return errorPage(c, 500, "Något gick fel hos oss. Försök igen om en stund.");
}
