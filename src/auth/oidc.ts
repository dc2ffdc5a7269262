/**
 * OpenID Connect authorisation-code flow with PKCE, state and nonce. arctic supplies the
 * random values and the authorisation URL; the token request, the ID token check and
 * userinfo are ours (oidc-token.ts, oidc-id-token.ts). Runtime-free: fetch and crypto.subtle.
 */
import { CodeChallengeMethod, generateCodeVerifier, generateState, OAuth2Client } from "arctic";
import { emailFromClaims, type IdTokenClaims, PROFILE_CLAIMS } from "./oidc-claims";
import type { OidcConfig } from "./oidc-config";
import { endpointsFor } from "./oidc-discovery";
import { OidcError } from "./oidc-http";
import { verifyIdToken } from "./oidc-id-token";
import { exchangeCode, fetchUserinfo } from "./oidc-token";

export { emailFromClaims, type IdTokenClaims } from "./oidc-claims";
export { endpointsFor, type OidcEndpoints } from "./oidc-discovery";
export { OidcConfigError, OidcError, OidcUnreachableError } from "./oidc-http";
export { verifyIdToken } from "./oidc-id-token";

const SCOPES = ["openid", "profile", "email"];

export interface AuthorizationStart {
  url: URL;
  state: string;
  codeVerifier: string;
  nonce: string;
}

export async function startAuthorization(
  config: OidcConfig,
  now: Date = new Date(),
): Promise<AuthorizationStart> {
  const endpoints = await endpointsFor(config, now);
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

export interface SignInResult {
  /** The ID token's claims, with userinfo's profile claims when the ID token had no e-mail. */
  claims: IdTokenClaims;
  /** Kept with the session as `id_token_hint` for the provider's logout. */
  idToken: string;
}

/** Exchanges the code (with the PKCE verifier) and returns the verified claims. */
export async function finishAuthorization(
  config: OidcConfig,
  code: string,
  codeVerifier: string,
  nonce: string,
  now: Date,
): Promise<SignInResult> {
  const endpoints = await endpointsFor(config, now);
  const tokens = await exchangeCode(config, endpoints, code, codeVerifier);
  const claims = await verifyIdToken(tokens.idToken, config, endpoints.jwksUri, now);
  if (claims.nonce !== nonce) throw new OidcError("nonce mismatch");
  if (emailFromClaims(claims) || !endpoints.userinfoEndpoint || !tokens.accessToken) {
    return { claims, idToken: tokens.idToken };
  }
  const info = await fetchUserinfo(config, endpoints.userinfoEndpoint, tokens.accessToken);
  // Userinfo is not signed: only the same subject's claims may be used (OIDC Core §5.3.2).
  if (info.sub !== claims.sub) throw new OidcError("userinfo sub differs from the ID token's");
  const merged: IdTokenClaims = { ...claims };
  for (const name of PROFILE_CLAIMS) {
    if (info[name] !== undefined) Object.assign(merged, { [name]: info[name] });
  }
  return { claims: merged, idToken: tokens.idToken };
}

/**
 * RP-initiated logout at the provider (OIDC RP-Initiated Logout 1.0), or null when the
 * provider offers no end_session_endpoint or cannot be reached right now.
 */
export async function endSessionUrl(
  config: OidcConfig,
  idToken: string | null,
  now: Date,
): Promise<URL | null> {
  let endpoint: string | undefined;
  try {
    endpoint = (await endpointsFor(config, now)).endSessionEndpoint;
  } catch {
    return null;
  }
  if (!endpoint) return null;
  const url = new URL(endpoint);
  if (idToken) url.searchParams.set("id_token_hint", idToken);
  url.searchParams.set("client_id", config.clientId);
  url.searchParams.set("post_logout_redirect_uri", postLogoutRedirectUri(config));
  return url;
}

export function postLogoutRedirectUri(config: OidcConfig): string {
  return config.postLogoutRedirectUri ?? new URL("/login", config.redirectUri).toString();
}
