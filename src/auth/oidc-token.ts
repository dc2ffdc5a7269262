/**
 * The token request (authorization code + PKCE verifier) and the userinfo request.
 * Written here rather than through arctic's OAuth2Client: arctic 3.7 puts the raw client
 * secret in the Basic header, but RFC 6749 §2.3.1 wants id and secret form-encoded first,
 * so a secret with `+` or `%` is refused as invalid_client. It also sets no timeout.
 */
import type { OidcConfig, TokenAuthMethod } from "./oidc-config";
import type { OidcEndpoints } from "./oidc-discovery";
import { fetchProvider, OidcConfigError, OidcError, readJson } from "./oidc-http";

export interface TokenResponse {
  idToken: string;
  accessToken: string | null;
}

/** application/x-www-form-urlencoded (RFC 6749 Appendix B): space → "+", "+" → "%2B". */
export function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

export function basicCredentials(clientId: string, secret: string): string {
  // Form-encoding leaves only ASCII, so btoa is safe here.
  return `Basic ${btoa(`${formEncode(clientId)}:${formEncode(secret)}`)}`;
}

/**
 * client_secret_basic is the default (RFC 8414); client_secret_post when the provider lists
 * only that. A provider may bind each client to one method, so never switch without a reason.
 */
export function tokenAuthMethod(
  config: Pick<OidcConfig, "clientSecret" | "tokenAuthMethod">,
  supported: string[] | undefined,
): TokenAuthMethod {
  if (config.tokenAuthMethod) return config.tokenAuthMethod;
  if (config.clientSecret === null) return "none";
  if (!supported || supported.includes("client_secret_basic")) return "client_secret_basic";
  return supported.includes("client_secret_post") ? "client_secret_post" : "client_secret_basic";
}

export async function exchangeCode(
  config: OidcConfig,
  endpoints: OidcEndpoints,
  code: string,
  codeVerifier: string,
): Promise<TokenResponse> {
  const body = new URLSearchParams({
    grant_type: "authorization_code",
    code,
    redirect_uri: config.redirectUri,
    code_verifier: codeVerifier,
  });
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json",
  };
  const method = tokenAuthMethod(config, endpoints.tokenAuthMethods);
  if (method === "client_secret_basic" && config.clientSecret !== null) {
    headers.authorization = basicCredentials(config.clientId, config.clientSecret);
  } else {
    body.set("client_id", config.clientId);
    if (method === "client_secret_post" && config.clientSecret !== null) {
      body.set("client_secret", config.clientSecret);
    }
  }
  const res = await fetchProvider(
    endpoints.tokenEndpoint,
    { method: "POST", headers, body },
    config.timeoutMs,
  );
  if (res.status === 400 || res.status === 401) {
    const error = await res
      .json()
      .then((b) => String((b as { error?: unknown }).error ?? res.status))
      .catch(() => String(res.status));
    // A wrong secret or auth method is ours to fix, not the user's.
    if (error === "invalid_client" || error === "unauthorized_client") {
      throw new OidcConfigError(`token endpoint refused the client: ${error}`);
    }
    throw new OidcError(`token request refused: ${error.slice(0, 100)}`);
  }
  const tokens = await readJson(res, "token endpoint");
  if (typeof tokens.id_token !== "string") throw new OidcError("token response without id_token");
  return {
    idToken: tokens.id_token,
    accessToken: typeof tokens.access_token === "string" ? tokens.access_token : null,
  };
}

/** The userinfo claims (plain JSON; a signed or encrypted userinfo answer is not supported). */
export async function fetchUserinfo(
  config: Pick<OidcConfig, "timeoutMs">,
  userinfoEndpoint: string,
  accessToken: string,
): Promise<Record<string, unknown>> {
  const res = await fetchProvider(
    userinfoEndpoint,
    { headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" } },
    config.timeoutMs,
  );
  if (res.status === 200 && !res.headers.get("content-type")?.includes("json")) {
    await res.body?.cancel();
    throw new OidcConfigError("userinfo answered with a signed or encrypted JWT, not JSON");
  }
  return readJson(res, "userinfo");
}
