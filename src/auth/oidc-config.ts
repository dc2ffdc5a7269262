/** OpenID Connect settings, read from the environment by the entries (runtime-free). */
export interface OidcConfig {
  /** Exact `iss` of the ID tokens, e.g. https://login.microsoftonline.com/<tenant>/v2.0 */
  issuer: string;
  clientId: string;
  /** null for a public client (PKCE only). */
  clientSecret: string | null;
  /** Must equal the redirect URI registered at the provider: https://<host>/login/sso/callback */
  redirectUri: string;
  /** Endpoints; any left out are read from `<issuer>/.well-known/openid-configuration`. */
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  jwksUri?: string;
  /** Label on the login button. */
  label?: string;
}

/**
 * OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI (required together),
 * OIDC_AUTHORIZATION_ENDPOINT, OIDC_TOKEN_ENDPOINT, OIDC_JWKS_URI, OIDC_LABEL (optional).
 * Returns null when SSO is not configured; throws when it is configured halfway.
 */
export function oidcConfigFromEnv(env: Record<string, string | undefined>): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const redirectUri = env.OIDC_REDIRECT_URI?.trim();
  if (!issuer && !clientId && !redirectUri) return null;
  if (!issuer || !clientId || !redirectUri) {
    throw new Error("OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_REDIRECT_URI must be set together.");
  }
  const optional = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  return {
    issuer,
    clientId,
    clientSecret: optional(env.OIDC_CLIENT_SECRET) ?? null,
    redirectUri,
    authorizationEndpoint: optional(env.OIDC_AUTHORIZATION_ENDPOINT),
    tokenEndpoint: optional(env.OIDC_TOKEN_ENDPOINT),
    jwksUri: optional(env.OIDC_JWKS_URI),
    label: optional(env.OIDC_LABEL),
  };
}
