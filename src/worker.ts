/**
 * Cloudflare Workers entry: libSQL over HTTP (Turso / sqld) from the DATABASE_URL and
 * DATABASE_AUTH_TOKEN secrets. Static assets are served by Workers' [assets] binding before
 * this code runs. Migrations are applied from the CLI before a deploy, never per request.
 */
import { createClient } from "@libsql/client/web";
import type { ExecutionContext, Hono } from "hono";
import { createDb } from "../db/client";
import { createApp } from "./app";
import { allowedOriginsFromEnv } from "./auth/guard";
import { oidcConfigFromEnv } from "./auth/oidc-config";
import { publicOriginFromEnv } from "./auth/public-origin";
import type { AppEnv } from "./env";
import { WORKERS_READ_LIMITS, WORKERS_UPLOAD_LIMIT_BYTES } from "./workers-limits";

// Export nothing but the handler: workerd refuses a main module with other exported values.
interface WorkerEnv {
  DATABASE_URL: string;
  DATABASE_AUTH_TOKEN?: string;
  OIDC_ISSUER?: string;
  OIDC_CLIENT_ID?: string;
  OIDC_CLIENT_SECRET?: string;
  OIDC_REDIRECT_URI?: string;
  OIDC_AUTHORIZATION_ENDPOINT?: string;
  OIDC_TOKEN_ENDPOINT?: string;
  OIDC_JWKS_URI?: string;
  OIDC_LABEL?: string;
  OIDC_TOKEN_AUTH_METHOD?: string;
  OIDC_POST_LOGOUT_REDIRECT_URI?: string;
  /** Extra origins allowed to POST, comma-separated. */
  ORIGIN?: string;
  /** Public address for links (default: the first ORIGIN). */
  PUBLIC_URL?: string;
}

// One app per isolate and database credentials: the HTTP client is stateless, so reusing it
// across requests is safe.
let cached: { key: string; app: Hono<AppEnv> } | undefined;

function appFor(env: WorkerEnv): Hono<AppEnv> {
  const key = `${env.DATABASE_URL}\n${env.DATABASE_AUTH_TOKEN ?? ""}`;
  if (cached?.key === key) return cached.app;
  const client = createClient({
    url: env.DATABASE_URL,
    ...(env.DATABASE_AUTH_TOKEN ? { authToken: env.DATABASE_AUTH_TOKEN } : {}),
  });
  const app = createApp({
    db: createDb(client),
    uploadLimitBytes: WORKERS_UPLOAD_LIMIT_BYTES,
    readLimits: WORKERS_READ_LIMITS,
    oidc: oidcConfigFromEnv(env as unknown as Record<string, string | undefined>),
    allowedOrigins: allowedOriginsFromEnv(env),
    publicOrigin: publicOriginFromEnv(env),
  });
  cached = { key, app };
  return app;
}

export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Response | Promise<Response> {
    if (!env.DATABASE_URL) {
      return new Response("DATABASE_URL saknas i Workers-miljön.", { status: 500 });
    }
    return appFor(env).fetch(request, env, ctx);
  },
};
