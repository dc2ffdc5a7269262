import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { Layout } from "../../views/layout";

/** One Swedish error page for 4xx/5xx; htmx requests get just the message. */
export function errorPage(c: Context, status: ContentfulStatusCode, message: string) {
  if (c.req.header("HX-Request")) {
    return c.html(<p class="notice error">{message}</p>, status);
  }
  return c.html(
    <Layout title={`Fel ${status}`}>
      <h1>{status === 404 ? "Sidan hittades inte" : "Det gick inte"}</h1>
      <p class="notice error">{message}</p>
      <p>
        <a href="/">Till startsidan</a>
      </p>
    </Layout>,
    status,
  );
}
