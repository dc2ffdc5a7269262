/**
 * Checks the SSO settings against the provider (discovery, issuer spelling, redirect URI)
 * so a mistake shows in the start-up log and on /healthz instead of at a user's first click.
 */
import type { OidcConfig } from "./oidc-config";
import { endpointsFor } from "./oidc-discovery";
import { OidcConfigError, OidcUnreachableError } from "./oidc-http";

export type OidcHealth =
  | { status: "ok"; issuer: string }
  | { status: "misconfigured"; issuer: string; message: string }
  | { status: "unreachable"; issuer: string; message: string };

const CALLBACK_PATH = "/login/sso/callback";

export async function checkOidc(config: OidcConfig, now: Date): Promise<OidcHealth> {
  const issuer = config.issuer;
  const misconfigured = (message: string): OidcHealth => ({
    status: "misconfigured",
    issuer,
    message,
  });
  let redirect: URL;
  try {
    redirect = new URL(config.redirectUri);
  } catch {
    return misconfigured(`OIDC_REDIRECT_URI "${config.redirectUri}" är ingen fullständig adress.`);
  }
  if (redirect.pathname !== CALLBACK_PATH) {
    return misconfigured(
      `OIDC_REDIRECT_URI ska sluta på ${CALLBACK_PATH} (nu: "${config.redirectUri}").`,
    );
  }
  try {
    new URL(issuer);
  } catch {
    return misconfigured(`OIDC_ISSUER "${issuer}" är ingen fullständig adress.`);
  }
  try {
    await endpointsFor(config, now);
    return { status: "ok", issuer };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof OidcUnreachableError) return { status: "unreachable", issuer, message };
    if (err instanceof OidcConfigError) return misconfigured(message);
    return { status: "unreachable", issuer, message };
  }
}

/** One line for the server's start-up log, in Swedish like the rest of it. */
export function describeOidcHealth(health: OidcHealth): string {
  switch (health.status) {
    case "ok":
      return `Inloggning via OpenID Connect: ${health.issuer} (discovery OK)`;
    case "misconfigured":
      return `FEL i inställningarna för inloggning via OpenID Connect: ${health.message}`;
    case "unreachable":
      return `Varning: inloggningstjänsten ${health.issuer} går inte att nå just nu (${health.message}). Inloggning med lösenord fungerar.`;
  }
}
