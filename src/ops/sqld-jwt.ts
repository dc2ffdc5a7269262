/**
 * sqld authenticates HTTP clients with an Ed25519-signed JWT (`--auth-jwt-key-file`), as
 * Turso does: the test setup makes a key pair, gives sqld the public key and the app the
 * token, so a wrong token is refused exactly like in production.
 */
import { generateKeyPairSync, sign } from "node:crypto";

const base64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

export interface JwtKeys {
  /** PEM (SPKI) public key for sqld's --auth-jwt-key-file. */
  publicKeyPem: string;
  /** A token with full access ("a": "rw"). */
  token: string;
}

export function makeJwtKeys(): JwtKeys {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const header = base64url(JSON.stringify({ alg: "EdDSA", typ: "JWT" }));
  const payload = base64url(JSON.stringify({ a: "rw", iat: Math.floor(Date.now() / 1000) }));
  const signature = base64url(sign(null, Buffer.from(`${header}.${payload}`), privateKey));
  return {
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    token: `${header}.${payload}.${signature}`,
  };
}
