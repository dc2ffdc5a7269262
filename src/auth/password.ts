/**
 * Password hashes in a self-describing format, `scrypt$N$r$p$<salt b64>$<hash b64>`, so
 * verification replays the stored parameters and a login can upgrade old hashes.
 * scrypt from @noble/hashes runs on Node and Workers alike; PBKDF2 via Web Crypto is
 * avoided on purpose (Cloudflare's production runtime caps its iteration count).
 */
import { scryptAsync } from "@noble/hashes/scrypt.js";
import { decodeBase64, encodeBase64 } from "@oslojs/encoding";

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP's scrypt option that fits in Workers' 128 MB: N=2^15 uses 32 MiB. */
export const CURRENT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

let targetParams: ScryptParams = CURRENT_PARAMS;
/** Lowers the cost for test suites only (they hash hundreds of times); production never calls it. */
export function useTargetParamsForTests(params: ScryptParams): void {
  targetParams = params;
}
export function targetHashParams(): ScryptParams {
  return targetParams;
}

export type ScryptImpl = (
  password: Uint8Array,
  salt: Uint8Array,
  params: ScryptParams & { dkLen: number },
) => Promise<Uint8Array>;

/** Default: pure JS. The Node entry may pass node:crypto's scrypt — same output, faster. */
const nobleScrypt: ScryptImpl = (password, salt, opts) =>
  scryptAsync(password, salt, { ...opts, maxmem: 128 * opts.N * opts.r * 2 });

let scryptImpl: ScryptImpl = nobleScrypt;
export function useScryptImplementation(impl: ScryptImpl): void {
  scryptImpl = impl;
}

const encoder = new TextEncoder();

export async function hashPassword(
  password: string,
  params: ScryptParams = targetParams,
): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_LENGTH));
  const hash = await scryptImpl(encoder.encode(password.normalize("NFKC")), salt, {
    ...params,
    dkLen: KEY_LENGTH,
  });
  return ["scrypt", params.N, params.r, params.p, encodeBase64(salt), encodeBase64(hash)].join("$");
}

export function parsePasswordHash(
  stored: string,
): (ScryptParams & { salt: Uint8Array; hash: Uint8Array }) | null {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return null;
  try {
    return { N, r, p, salt: decodeBase64(parts[4]!), hash: decodeBase64(parts[5]!) };
  } catch {
    return null;
  }
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return false;
  const candidate = await scryptImpl(encoder.encode(password.normalize("NFKC")), parsed.salt, {
    N: parsed.N,
    r: parsed.r,
    p: parsed.p,
    dkLen: parsed.hash.length,
  });
  return constantTimeEqual(candidate, parsed.hash);
}

/** True when the stored hash used weaker parameters than today's and should be redone. */
export function needsRehash(stored: string, params: ScryptParams = targetParams): boolean {
  const parsed = parsePasswordHash(stored);
  return !parsed || parsed.N < params.N || parsed.r < params.r || parsed.p < params.p;
}

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
