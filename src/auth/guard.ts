/**
 * The app-wide defences in one place: sign-in required for everything but a short public
 * list, CSRF Origin check on every non-GET, and security headers with a strict CSP.
 * Role checks stay on the routes (`requireRole`); unit scope in `c.get("scope")`.
 */
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { csrf } from "hono/csrf";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "../env";

/** Reachable without a session; everything else answers 401 (a login redirect for pages). */
export const PUBLIC_ROUTES: ReadonlyArray<{ method: string; path: RegExp }> = [
  { method: "GET", path: /^\/healthz$/ },
  { method: "GET", path: /^\/login$/ },
  { method: "POST", path: /^\/login$/ },
  { method: "POST", path: /^\/logout$/ },
  { method: "GET", path: /^\/login\/sso$/ },
  { method: "GET", path: /^\/login\/sso\/callback$/ },
  { method: "GET", path: /^\/set-password\/[^/]+$/ },
  { method: "POST", path: /^\/set-password\/[^/]+$/ },
  { method: "GET", path: /^\/static\// },
];

export function isPublic(method: string, path: string): boolean {
  const m = method === "HEAD" ? "GET" : method;
  return PUBLIC_ROUTES.some((r) => r.method === m && r.path.test(path));
}

export const requireSignIn = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get("user") && !isPublic(c.req.method, c.req.path)) {
    throw new HTTPException(401, { message: "Du behöver logga in." });
  }
  await next();
});

const CSRF_MESSAGE =
  "Formuläret skickades inte från Genomförd och har inte utförts. Ladda om sidan och försök igen.";
const SAFE_METHODS = /^(GET|HEAD|OPTIONS)$/;
/** The body types hono/csrf checks (what a cross-site HTML form can send). */
const FORM_TYPES =
  /^\b(application\/x-www-form-urlencoded|multipart\/form-data|text\/(?:plain|ping))\b/i;

/** Extra origins allowed to post (env `ORIGIN`, comma-separated), e.g. behind a rewriting proxy. */
export function allowedOriginsFromEnv(env: { ORIGIN?: string | undefined }): string[] {
  return (env.ORIGIN ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);
}

/**
 * hono/csrf (Origin, or Sec-Fetch-Site: same-origin) for form posts, and the same rule for
 * every other non-GET body type too (hono/csrf lets JSON through, trusting CORS preflight;
 * we would rather not depend on that). A refusal renders the Swedish 403 page.
 */
export function csrfProtection(allowedOrigins: readonly string[] = []) {
  const originOk = (origin: string, c: Context) =>
    origin === new URL(c.req.url).origin || allowedOrigins.includes(origin);
  const honoCsrf = csrf({ origin: originOk });
  return createMiddleware<AppEnv>(async (c, next) => {
    if (SAFE_METHODS.test(c.req.method)) return next();
    if (!FORM_TYPES.test(c.req.header("content-type") || "text/plain")) {
      const origin = c.req.header("origin");
      const sameSite = c.req.header("sec-fetch-site") === "same-origin";
      if (!sameSite && !(origin && originOk(origin, c))) {
        throw new HTTPException(403, { message: CSRF_MESSAGE });
      }
      return next();
    }
    let reached = false;
    try {
      await honoCsrf(c, async () => {
        reached = true;
        await next();
      });
    } catch (err) {
      if (!reached && err instanceof HTTPException && err.status === 403) {
        throw new HTTPException(403, { message: CSRF_MESSAGE });
      }
      throw err;
    }
  });
}

/** Largest request body outside the upload route: forms here are a few kilobytes. */
export const FORM_BODY_LIMIT_BYTES = 256 * 1024;
/**
 * Routes that take files: each puts `uploadBodyLimit` (src/routes/upload-limit.ts) first and
 * is capped at the upload limit there. test/routes/body-limit.test.ts checks the two agree.
 */
export const UPLOAD_PATHS: readonly RegExp[] = [
  /^\/imports\/preview$/,
  /^\/handlingsplan\/[^/]+\/import$/,
  /^\/malgrupper\/import\/preview$/,
];

export const isUploadPath = (path: string) => UPLOAD_PATHS.some((p) => p.test(path));

const formBodyLimit = bodyLimit({
  maxSize: FORM_BODY_LIMIT_BYTES,
  onError: () => {
    throw new HTTPException(413, { message: "Begäran är för stor." });
  },
});

/**
 * Caps every request body (the public login form too), so no one can make the Node
 * process buffer an endless form; the upload routes have their own limit.
 */
export const requestBodyLimit = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE_METHODS.test(c.req.method) || isUploadPath(c.req.path)) return next();
  return formBodyLimit(c, next);
});

/** Everything from our own origin, no inline script or style (htmx is told not to inject any). */
export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    objectSrc: ["'none'"],
  },
  referrerPolicy: "no-referrer",
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
});
