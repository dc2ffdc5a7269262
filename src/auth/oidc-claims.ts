/**
 * Who the provider says signed in, from the ID token's claims (and userinfo's, when the ID
 * token carries no e-mail: conformant providers put profile claims only there, OIDC Core
 * §5.4). Pure: no I/O.
 */

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
  /** Some providers send the string "false". */
  email_verified?: boolean | string;
  preferred_username?: string;
  upn?: string;
  name?: string;
}

/** Profile claims that userinfo may add to an ID token's. */
export const PROFILE_CLAIMS = [
  "email",
  "email_verified",
  "preferred_username",
  "upn",
  "name",
] as const;

/** The e-mail address the provider vouches for; Entra ID often sends it as preferred_username. */
export function emailFromClaims(claims: Partial<IdTokenClaims>): string | null {
  const candidate = [claims.email, claims.preferred_username, claims.upn].find(
    (v): v is string => typeof v === "string" && v.includes("@"),
  );
  return candidate ? candidate.trim().toLowerCase() : null;
}

export type SsoIdentity =
  | { ok: true; email: string }
  | { ok: false; reason: "no_email" }
  | { ok: false; reason: "email_unverified"; email: string };

/**
 * The e-mail to look the account up by. An explicit `email_verified: false` is refused (the
 * address may belong to someone else); a missing claim is accepted, since Entra sends none.
 */
export function ssoIdentity(claims: Partial<IdTokenClaims>): SsoIdentity {
  const email = emailFromClaims(claims);
  if (!email) return { ok: false, reason: "no_email" };
  const verified = claims.email_verified;
  if (verified === false || (typeof verified === "string" && verified.toLowerCase() === "false")) {
    return { ok: false, reason: "email_unverified", email };
  }
  return { ok: true, email };
}
