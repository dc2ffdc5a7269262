/**
 * The runtime-free Hono app. Entries (src/server.ts on Node, src/worker.ts on Workers,
 * tests) create the database handle for their runtime and pass it in; nothing here may
 * import Node-only modules.
 */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppDeps, AppEnv } from "./env";
import { errorPage } from "./routes/error-page";
import { homeRoutes } from "./routes/home";
import { ALL_UNITS } from "./services/scope";

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const now = deps.now ?? (() => new Date());

  app.use(async (c, next) => {
    c.set("db", deps.db);
    c.set("now", now);
    c.set("user", null);
    c.set("session", null);
    // Replaced by the signed-in user's scope once sign-in lands (issue 6).
    c.set("scope", ALL_UNITS);
    await next();
  });

  app.get("/healthz", (c) => c.json({ ok: true }));
  app.route("/", homeRoutes);

  app.notFound((c) => errorPage(c, 404, "Sidan finns inte."));
  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      return errorPage(c, err.status, err.message || "Begäran kunde inte utföras.");
    }
    console.error(err);
    return errorPage(c, 500, "Något gick fel hos oss. Försök igen om en stund.");
  });
  return app;
}
