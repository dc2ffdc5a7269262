/**
 * The runtime-free Hono app. Entries (src/server.ts on Node, src/worker.ts on Workers,
 * tests) create the database handle for their runtime and pass it in; nothing here may
 * import Node-only modules.
 */
import { Hono } from "hono";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../imports/read/types";
import { csrfProtection, requestBodyLimit, requireSignIn, securityHeaders } from "./auth/guard";
import { sessionMiddleware } from "./auth/middleware";
import { checkOidc } from "./auth/oidc-health";
import type { AppDeps, AppEnv } from "./env";
import { adminRoutes } from "./routes/admin";
import { annualReportRoutes } from "./routes/annual-report";
import { authRoutes } from "./routes/auth";
import { coverageRoutes } from "./routes/coverage";
import { errorPage, errorResponse } from "./routes/error-page";
import { exportRoutes } from "./routes/exports";
import { homeRoutes } from "./routes/home";
import { importRoutes } from "./routes/imports";
import { planRoutes } from "./routes/plan";
import { privacyRoutes } from "./routes/privacy";
import { pageRenderer } from "./routes/render";
import { ssoRoutes } from "./routes/sso";
import { targetGroupRoutes } from "./routes/target-groups";
import { type SchemaStatus, schemaStatus } from "./services/schema-status";

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const now = deps.now ?? (() => new Date());
  const clientIp = deps.clientIp ?? ((c) => c.req.header("cf-connecting-ip") ?? null);
  const readLimits: ReadLimits = {
    ...DEFAULT_READ_LIMITS,
    ...deps.readLimits,
    maxBytes: deps.uploadLimitBytes ?? DEFAULT_READ_LIMITS.maxBytes,
  };

  app.use(pageRenderer);
  app.use(securityHeaders);
  app.use(async (c, next) => {
    c.set("db", deps.db);
    c.set("now", now);
    c.set("clientIp", clientIp(c));
    c.set("oidc", deps.oidc ?? null);
    c.set("publicOrigin", deps.publicOrigin ?? null);
    c.set("readLimits", readLimits);
    await next();
  });
  app.use(csrfProtection(deps.allowedOrigins));
  app.use(requestBodyLimit);
  app.use(sessionMiddleware);
  app.use(requireSignIn);

  app.get("/healthz", async (c) => {
    let status: SchemaStatus;
    try {
      status = await schemaStatus(c.get("db"));
    } catch (error) {
      console.error(error);
      return c.json({ ok: false, message: "Databasen svarar inte." }, 503);
    }
    // SSO settings that do not fit the provider fail the check; an unreachable provider only
    // warns, since password sign-in still works.
    const oidc = c.get("oidc");
    const sso = oidc ? await checkOidc(oidc, c.get("now")()) : null;
    const ok = status.ok && sso?.status !== "misconfigured";
    return c.json({ ...status, ok, ...(sso ? { oidc: sso } : {}) }, ok ? 200 : 503);
  });
  app.route("/", authRoutes);
  app.route("/", ssoRoutes);
  app.route("/", adminRoutes);
  app.route("/", privacyRoutes);
  app.route("/", homeRoutes);
  app.route("/", coverageRoutes);
  app.route("/", exportRoutes);
  app.route("/", annualReportRoutes);
  app.route("/", planRoutes);
  app.route("/", importRoutes(deps.uploadLimitBytes, deps.importRunner, deps.readLimits));
  app.route("/", targetGroupRoutes(deps.uploadLimitBytes));

  app.notFound((c) => errorPage(c, 404, "Sidan finns inte."));
  app.onError(errorResponse);
  return app;
}
