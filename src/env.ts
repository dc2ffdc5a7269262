import type { Context } from "hono";
import type { Db } from "../db/client";
import type { Session, User } from "../db/schema";
import type { ReadLimits } from "../imports/read/types";
import type { OidcConfig } from "./auth/oidc-config";
import type { Scope } from "./auth/scope";
import type { ImportRunner } from "./services/imports/runner";

/** What an entry (Node server, Worker, tests) hands to `createApp`. */
export interface AppDeps {
  db: Db;
  /** Clock, injectable so tests can pin "today". */
  now?: () => Date;
  /** Largest accepted upload in bytes (default 20 MB). */
  uploadLimitBytes?: number;
  /** Row, cell and column caps for uploads (Workers: src/workers-limits.ts); default generous. */
  readLimits?: Partial<ReadLimits>;
  /** Single sign-on via OpenID Connect; absent = local passwords only. */
  oidc?: OidcConfig | null;
  /**
   * Origins besides the request's own that may POST (e.g. the public https origin when a
   * reverse proxy forwards to http://127.0.0.1). Browsers' Sec-Fetch-Site also counts.
   */
  allowedOrigins?: readonly string[];
  /**
   * The client's address for rate limiting and the audit log. Default: Cloudflare's
   * `cf-connecting-ip` header (set by Workers, not spoofable there). The Node entry passes
   * the socket address.
   */
  clientIp?: (c: Context) => string | null;
  /** Origin for links in pages and e-mails (`PUBLIC_URL`, else the first `ORIGIN`). */
  publicOrigin?: string | null;
  /**
   * Runs imports (preview and confirm). Default: in the request. The Node server passes a
   * worker-thread runner so a big file never blocks other requests.
   */
  importRunner?: ImportRunner;
}

export type AppEnv = {
  Variables: {
    db: Db;
    now: () => Date;
    user: User | null;
    session: Session | null;
    scope: Scope;
    /** Client address (see AppDeps.clientIp); null when unknown. */
    clientIp: string | null;
    /** SSO settings from AppDeps.oidc (null: passwords only). */
    oidc: OidcConfig | null;
    /** AppDeps.publicOrigin; null = the request's own origin (development). */
    publicOrigin: string | null;
    /** What a file upload may be: AppDeps.readLimits over the defaults, maxBytes = uploadLimitBytes. */
    readLimits: ReadLimits;
  };
};

/**
 * What `requireRole` guarantees to the handlers after it: a signed-in user. Hono intersects
 * it with AppEnv, so there `c.get("user")` is a `User`. Helpers that take the context of such
 * a handler take `Context<SignedInEnv>`.
 */
export type SignedIn = { Variables: { user: User } };
export type SignedInEnv = AppEnv & SignedIn;
