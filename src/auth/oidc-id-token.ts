/**
 * ID token verification: RS256/ES256 signature against the provider's JWKS with Web Crypto,
 * then iss, aud/azp, exp/iat/nbf (2 minutes' skew). The JWKS is cached for at most 10
 * minutes and fetched again at once for an unknown `kid` (key rotation).
 */
import { decodeBase64urlIgnorePadding } from "@oslojs/encoding";
import type { IdTokenClaims } from "./oidc-claims";
import type { OidcConfig } from "./oidc-config";
import { fetchProvider, OidcError, readJson } from "./oidc-http";

const CLOCK_SKEW_S = 120;
export const JWKS_MAX_AGE_MS = 10 * 60 * 1000;
const jwksCache = new Map<string, { keys: JsonWebKey[]; fetchedAt: number }>();

export async function verifyIdToken(
  jwt: string,
  config: Pick<OidcConfig, "issuer" | "clientId" | "timeoutMs">,
  jwksUri: string,
  now: Date,
): Promise<IdTokenClaims> {
  const parts = jwt.split(".");
  if (parts.length !== 3) throw new OidcError("malformed ID token");
  const [headerB64, payloadB64, signatureB64] = parts as [string, string, string];
  const header = decodeJson(headerB64) as { alg?: string; kid?: string };
  const algorithm = ALGORITHMS[header.alg ?? ""];
  if (!algorithm) throw new OidcError(`unsupported alg ${header.alg}`);
  const jwk = await findKey(jwksUri, header.kid, now, config.timeoutMs);
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey("jwk", jwk, algorithm.import, false, ["verify"]);
  } catch {
    throw new OidcError("JWKS key does not fit the ID token's alg");
  }
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

/** The signing key by kid: from a JWKS at most 10 minutes old, else fetched once more. */
async function findKey(
  jwksUri: string,
  kid: string | undefined,
  now: Date,
  timeoutMs: number | undefined,
): Promise<JsonWebKey> {
  const pick = (keys: JsonWebKey[]) =>
    keys.find(
      (k) =>
        (kid === undefined || (k as { kid?: string }).kid === kid) &&
        (k as { use?: string }).use !== "enc",
    );
  const cached = jwksCache.get(jwksUri);
  const fresh = cached && now.getTime() - cached.fetchedAt < JWKS_MAX_AGE_MS;
  const hit = fresh ? pick(cached.keys) : undefined;
  if (hit) return hit;
  const res = await fetchProvider(jwksUri, { headers: { accept: "application/json" } }, timeoutMs);
  const { keys } = await readJson(res, "JWKS");
  if (!Array.isArray(keys)) throw new OidcError("JWKS without keys");
  jwksCache.set(jwksUri, { keys: keys as JsonWebKey[], fetchedAt: now.getTime() });
  const key = pick(keys as JsonWebKey[]);
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
