/** OpenID Connect settings, read from the environment by the entries (runtime-free). */
export interface OidcConfig {
  /** Exact `iss` of the ID tokens, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0 */
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
  /** The provider's name in buttons and messages ("Microsoft", "Freja eID"); see `ssoLabel`. */
  label?: string;
  /** How the secret reaches the token endpoint; default: what the discovery document offers. */
  tokenAuthMethod?: TokenAuthMethod;
  /** Where the provider sends the browser after its logout; default <origin>/login. */
  postLogoutRedirectUri?: string;
  /** Per request to the provider (discovery, token, JWKS, userinfo); default 8 s. */
  timeoutMs?: number;
}

export const TOKEN_AUTH_METHODS = ["client_secret_basic", "client_secret_post", "none"] as const;
export type TokenAuthMethod = (typeof TOKEN_AUTH_METHODS)[number];

/**
 * The provider's name from OIDC_LABEL. Older set-ups put the whole button text there
 * ("Logga in med Microsoft-konto"); the name is what follows "med"/"via".
 */
export function providerLabel(label: string | undefined, issuer: string): string {
  const text = label?.trim();
  if (text) return text.match(/^logga in (?:med|via)\s+(.+)$/i)?.[1] ?? text;
  let host = issuer;
  try {
    host = new URL(issuer).hostname;
  } catch {}
  return host === "login.microsoftonline.com" ? "Microsoft" : host;
}

/** The name shown for the provider: the configured label, else derived from the issuer. */
export function ssoLabel(config: Pick<OidcConfig, "label" | "issuer">): string {
  return config.label ?? providerLabel(undefined, config.issuer);
}

/**
 * OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_REDIRECT_URI (required together), OIDC_CLIENT_SECRET,
 * OIDC_AUTHORIZATION_ENDPOINT, OIDC_TOKEN_ENDPOINT, OIDC_JWKS_URI, OIDC_LABEL,
 * OIDC_TOKEN_AUTH_METHOD, OIDC_POST_LOGOUT_REDIRECT_URI (optional).
 * Returns null when SSO is not configured; throws when it is configured halfway or wrongly.
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
  const method = optional(env.OIDC_TOKEN_AUTH_METHOD);
  if (method && !(TOKEN_AUTH_METHODS as readonly string[]).includes(method)) {
    throw new Error(`OIDC_TOKEN_AUTH_METHOD must be one of ${TOKEN_AUTH_METHODS.join(", ")}.`);
  }
  return {
    issuer,
    clientId,
    clientSecret: optional(env.OIDC_CLIENT_SECRET) ?? null,
    redirectUri,
    authorizationEndpoint: optional(env.OIDC_AUTHORIZATION_ENDPOINT),
    tokenEndpoint: optional(env.OIDC_TOKEN_ENDPOINT),
    jwksUri: optional(env.OIDC_JWKS_URI),
    label: providerLabel(env.OIDC_LABEL, issuer),
    tokenAuthMethod: method as TokenAuthMethod | undefined,
    postLogoutRedirectUri: optional(env.OIDC_POST_LOGOUT_REDIRECT_URI),
  };
}
