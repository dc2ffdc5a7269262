/**
 * The provider's endpoints: from the settings, completed by its discovery document
 * (`<issuer>/.well-known/openid-configuration`), cached per isolate for at most 10 minutes
 * so a provider that moves an endpoint is followed without a restart.
 */
import type { OidcConfig } from "./oidc-config";
import { fetchProvider, OidcConfigError, readJson } from "./oidc-http";

export interface OidcEndpoints {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  userinfoEndpoint?: string;
  endSessionEndpoint?: string;
  /** `token_endpoint_auth_methods_supported`; absent = client_secret_basic only (RFC 8414). */
  tokenAuthMethods?: string[];
}

export const DISCOVERY_MAX_AGE_MS = 10 * 60 * 1000;

const cache = new Map<string, { endpoints: Promise<OidcEndpoints>; fetchedAt: number }>();

/** Endpoints from the config, completed by discovery unless all three are set by hand. */
export function endpointsFor(config: OidcConfig, now: Date): Promise<OidcEndpoints> {
  const { authorizationEndpoint, tokenEndpoint, jwksUri } = config;
  if (authorizationEndpoint && tokenEndpoint && jwksUri) {
    return Promise.resolve({ authorizationEndpoint, tokenEndpoint, jwksUri });
  }
  const key = `${config.issuer}\n${config.timeoutMs ?? ""}`;
  const hit = cache.get(key);
  if (hit && now.getTime() - hit.fetchedAt < DISCOVERY_MAX_AGE_MS) return hit.endpoints;
  const endpoints = discover(config).then((found) => ({
    ...found,
    authorizationEndpoint: authorizationEndpoint ?? found.authorizationEndpoint,
    tokenEndpoint: tokenEndpoint ?? found.tokenEndpoint,
    jwksUri: jwksUri ?? found.jwksUri,
  }));
  const entry = { endpoints, fetchedAt: now.getTime() };
  // A failure is not remembered: the next sign-in (or health check) asks again.
  endpoints.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  cache.set(key, entry);
  return endpoints;
}

export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;
}

async function discover(config: OidcConfig): Promise<OidcEndpoints> {
  const url = discoveryUrl(config.issuer);
  const res = await fetchProvider(
    url,
    { headers: { accept: "application/json" } },
    config.timeoutMs,
  );
  const doc = await readJson(res, `discovery (${url})`, OidcConfigError);
  if (doc.issuer !== config.issuer) {
    // The usual mistakes: a trailing slash, or the domain name where Entra wants the tenant id.
    throw new OidcConfigError(
      `OIDC_ISSUER är "${config.issuer}", men leverantörens discovery-dokument anger issuer ` +
        `"${String(doc.issuer)}". Sätt OIDC_ISSUER=${String(doc.issuer)} (exakt, tecken för tecken).`,
    );
  }
  const required = (k: string) => {
    const v = doc[k];
    if (typeof v !== "string" || !v) {
      throw new OidcConfigError(`Discovery-dokumentet på ${url} saknar ${k}.`);
    }
    return v;
  };
  const optional = (k: string) => (typeof doc[k] === "string" && doc[k] ? doc[k] : undefined);
  const methods = doc.token_endpoint_auth_methods_supported;
  return {
    authorizationEndpoint: required("authorization_endpoint"),
    tokenEndpoint: required("token_endpoint"),
    jwksUri: required("jwks_uri"),
    userinfoEndpoint: optional("userinfo_endpoint"),
    endSessionEndpoint: optional("end_session_endpoint"),
    tokenAuthMethods: Array.isArray(methods)
      ? methods.filter((m): m is string => typeof m === "string")
      : undefined,
  };
}
