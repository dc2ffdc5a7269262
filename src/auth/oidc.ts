/**
 * OpenID Connect authorisation-code flow with PKCE, state and nonce (arctic's generic
 * OAuth2Client does the OAuth part). The ID token is checked here: RS256/ES256 signature
 * against the provider's JWKS with Web Crypto, then iss, aud/azp, exp/iat/nbf and nonce.
 * Runtime-free: fetch and crypto.subtle only.
 */

import { decodeBase64urlIgnorePadding } from "@oslojs/encoding";
import { CodeChallengeMethod, generateCodeVerifier, generateState, OAuth2Client } from "arctic";
import type { OidcConfig } from "./oidc-config";

export interface OidcEndpoints {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
}

export interface IdTokenClaims {
  iss: string;
  sub: string;
  aud: string | string[];
  exp: number;
  iat?: number;
  nbf?: number;
  nonce?: string;
  azp?: string;
  email?: string;
  preferred_username?: string;
  upn?: string;
  name?: string;
}

export class OidcError extends Error {
  override name = "OidcError";
}

const SCOPES = ["openid", "profile", "email"];
const CLOCK_SKEW_S = 120;
const discoveryCache = new Map<string, Promise<OidcEndpoints>>();
const jwksCache = new Map<string, { keys: JsonWebKey[]; fetchedAt: number }>();

/** Endpoints from the config, completed by discovery (cached per isolate). */
export function endpointsFor(config: OidcConfig): Promise<OidcEndpoints> {
  const { authorizationEndpoint, tokenEndpoint, jwksUri } = config;
  if (authorizationEndpoint && tokenEndpoint && jwksUri) {
    return Promise.resolve({ authorizationEndpoint, tokenEndpoint, jwksUri });
  }
  let cached = discoveryCache.get(config.issuer);
  if (!cached) {
    cached = discover(config.issuer).then((found) => ({
      authorizationEndpoint: authorizationEndpoint ?? found.authorizationEndpoint,
      tokenEndpoint: tokenEndpoint ?? found.tokenEndpoint,
      jwksUri: jwksUri ?? found.jwksUri,
    }));
    cached.catch(() => discoveryCache.delete(config.issuer));
    discoveryCache.set(config.issuer, cached);
  }
  return cached;
}

async function discover(issuer: string): Promise<OidcEndpoints> {
  const url = `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;
  const res = await fetch(url, { headers: { accept: "application/json" } });
  if (!res.ok) throw new OidcError(`discovery failed: ${res.status}`);
  const doc = (await res.json()) as Record<string, unknown>;
  if (doc.issuer !== issuer) throw new OidcError("discovery document names another issuer");
  const str = (k: string) => {
    const v = doc[k];
    if (typeof v !== "string") throw new OidcError(`discovery document lacks ${k}`);
    return v;
  };
  return {
    authorizationEndpoint: str("authorization_endpoint"),
    tokenEndpoint: str("token_endpoint"),
    jwksUri: str("jwks_uri"),
  };
}

export interface AuthorizationStart {
  url: URL;
  state: string;
  codeVerifier: string;
  nonce: string;
}

export async function startAuthorization(config: OidcConfig): Promise<AuthorizationStart> {
  const endpoints = await endpointsFor(config);
  const client = new OAuth2Client(config.clientId, config.clientSecret, config.redirectUri);
  const state = generateState();
  const codeVerifier = generateCodeVerifier();
  const nonce = generateState();
  const url = client.createAuthorizationURLWithPKCE(
    endpoints.authorizationEndpoint,
    state,
    CodeChallengeMethod.S256,
    codeVerifier,
    SCOPES,
  );
  url.searchParams.set("nonce", nonce);
  return { url, state, codeVerifier, nonce };
}

/** Exchanges the code (with the PKCE verifier) and returns the verified ID token claims. */
export async function finishAuthorization(
  config: OidcConfig,
  code: string,
  codeVerifier: string,
  nonce: string,
  now: Date,
): Promise<IdTokenClaims> {
  const endpoints = await endpointsFor(config);
  const client = new OAuth2Client(config.clientId, config.clientSecret, config.redirectUri);
  const tokens = await client.validateAuthorizationCode(
    endpoints.tokenEndpoint,
    code,
    codeVerifier,
  );
  const claims = await verifyIdToken(tokens.idToken(), config, endpoints.jwksUri, now);
  if (claims.nonce !== nonce) throw new OidcError("nonce mismatch");
  return claims;
}

/** The e-mail address the provider vouches for; Entra ID often sends it as preferred_username. */
export function emailFromClaims(claims: IdTokenClaims): string | null {
  const candidate = claims.email ?? claims.preferred_username ?? claims.upn;
  return candidate?.includes("@") ? candidate.trim().toLowerCase() : null;
}

export async function verifyIdToken(
  jwt: string,
  config: Pick<OidcConfig, "issuer" | "clientId">,
  jwksUri: string,
  now: Date,
): Promise<IdTokenClaims> {
  const parts = jwt.split(".");
  if (parts.length !== 3) throw new OidcError("malformed ID token");
  const [headerB64, payloadB64, signatureB64] = parts as [string, string, string];
  const header = decodeJson(headerB64) as { alg?: string; kid?: string };
  const algorithm = ALGORITHMS[header.alg ?? ""];
  if (!algorithm) throw new OidcError(`unsupported alg ${header.alg}`);
  const jwk = await findKey(jwksUri, header.kid, now);
  const key = await crypto.subtle.importKey("jwk", jwk, algorithm.import, false, ["verify"]);
  const valid = await crypto.subtle.verify(
    algorithm.verify,
    key,
    new Uint8Array(decodeBase64urlIgnorePadding(signatureB64)),
    new TextEncoder().encode(`${headerB64}.${payloadB64}`),
  );
  if (!valid) throw new OidcError("bad ID token signature");
  const claims = decodeJson(payloadB64) as IdTokenClaims;
  const nowS = Math.floor(now.getTime() / 1000);
  if (claims.iss !== config.issuer) throw new OidcError("wrong issuer");
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(config.clientId)) throw new OidcError("wrong audience");
  if (audiences.length > 1 && claims.azp !== config.clientId) throw new OidcError("wrong azp");
  if (typeof claims.exp !== "number" || claims.exp + CLOCK_SKEW_S < nowS) {
    throw new OidcError("ID token expired");
  }
  if (typeof claims.nbf === "number" && claims.nbf - CLOCK_SKEW_S > nowS) {
    throw new OidcError("ID token not yet valid");
  }
  if (typeof claims.iat === "number" && claims.iat - CLOCK_SKEW_S > nowS) {
    throw new OidcError("ID token issued in the future");
  }
  if (typeof claims.sub !== "string" || claims.sub === "") throw new OidcError("no subject");
  return claims;
}

const ALGORITHMS: Record<
  string,
  { import: RsaHashedImportParams | EcKeyImportParams; verify: AlgorithmIdentifier | EcdsaParams }
> = {
  RS256: {
    import: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
    verify: { name: "RSASSA-PKCS1-v1_5" },
  },
  ES256: {
    import: { name: "ECDSA", namedCurve: "P-256" },
    verify: { name: "ECDSA", hash: "SHA-256" },
  },
};

/** The signing key by kid; the JWKS is cached and fetched again once for an unknown kid. */
async function findKey(jwksUri: string, kid: string | undefined, now: Date): Promise<JsonWebKey> {
  const pick = (keys: JsonWebKey[]) =>
    keys.find(
      (k) =>
        (kid === undefined || (k as { kid?: string }).kid === kid) &&
        (k as { use?: string }).use !== "enc",
    );
  const cached = jwksCache.get(jwksUri);
  const fresh = cached && now.getTime() - cached.fetchedAt < 60 * 60 * 1000;
  const hit = fresh ? pick(cached.keys) : undefined;
  if (hit) return hit;
  const res = await fetch(jwksUri, { headers: { accept: "application/json" } });
  if (!res.ok) throw new OidcError(`JWKS fetch failed: ${res.status}`);
  const { keys } = (await res.json()) as { keys?: JsonWebKey[] };
  if (!Array.isArray(keys)) throw new OidcError("JWKS without keys");
  jwksCache.set(jwksUri, { keys, fetchedAt: now.getTime() });
  const key = pick(keys);
  if (!key) throw new OidcError("no JWKS key for the ID token");
  return key;
}

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(decodeBase64urlIgnorePadding(part)));
  } catch {
    throw new OidcError("malformed ID token");
  }
}
