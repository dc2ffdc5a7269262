/**
 * Requests to the OpenID provider, each with a timeout: an issuer that accepts the connection
 * and never answers must not hang a sign-in. The error classes tell the route which Swedish
 * page to show (refused, unreachable, misconfigured). Runtime-free: fetch only.
 */

/** The sign-in could not be verified (bad token, replayed code …): refuse the attempt. */
export class OidcError extends Error {
  override name = "OidcError";
}

/** The provider did not answer in time, or answered with a server error. */
export class OidcUnreachableError extends OidcError {
  override name = "OidcUnreachableError";
}

/** Our settings do not fit the provider (issuer spelling, client secret …). */
export class OidcConfigError extends OidcError {
  override name = "OidcConfigError";
}

export const DEFAULT_TIMEOUT_MS = 8_000;

/** fetch with a deadline; network failures and timeouts become OidcUnreachableError. */
export async function fetchProvider(
  url: string,
  init: RequestInit,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const timedOut = err instanceof Error && err.name === "TimeoutError";
    throw new OidcUnreachableError(
      timedOut ? `no answer from ${url} within ${timeoutMs} ms` : `cannot reach ${url}: ${err}`,
    );
  }
  if (res.status >= 500) {
    await res.body?.cancel();
    throw new OidcUnreachableError(`${url} answered ${res.status}`);
  }
  return res;
}

/** The JSON body of a 200 answer; anything else is an error of the given class. */
export async function readJson(
  res: Response,
  what: string,
  ErrorClass: typeof OidcError = OidcError,
): Promise<Record<string, unknown>> {
  if (res.status !== 200) {
    await res.body?.cancel();
    throw new ErrorClass(`${what} answered ${res.status}`);
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch (err) {
    if (err instanceof Error && err.name === "TimeoutError") {
      throw new OidcUnreachableError(`${what} did not finish its answer in time`);
    }
    throw new ErrorClass(`${what} did not answer with JSON`);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ErrorClass(`${what} did not answer with a JSON object`);
  }
  return body as Record<string, unknown>;
}
