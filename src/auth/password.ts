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

/**
 * OWASP's scrypt cost (N·r·p = 2^15·8·3) with half the memory: N=2^14, r=8 needs 16 MiB
 * (128·N·r) and p=6 keeps the CPU cost equal. A Workers isolate has 128 MB and concurrent
 * logins each hold their buffer — and V8 frees it only at a later GC, so limiting concurrency
 * did not lower the measured peak (4 logins at N=2^15: 128 MiB with or without a limit of 2;
 * at N=2^14, p=6: 64 MiB; bench/WORKERS.md). Older N=2^15, p=3 hashes are rewritten at sign-in.
 */
export const CURRENT_PARAMS: ScryptParams = { N: 2 ** 14, r: 8, p: 6 };

/** Bytes scrypt holds while it runs: the N·r table plus the p·r blocks. */
export function scryptMemoryBytes({ N, r, p }: ScryptParams): number {
  return 128 * N * r + 128 * r * p;
}
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

/**
 * True when the stored hash should be redone with today's parameters: it costs less CPU
 * (N·r·p), or it has the same cost but other parameters (N=2^15, p=3 → N=2^14, p=6 needs
 * half the memory). A hash that is more expensive than today's target is kept.
 */
export function needsRehash(stored: string, params: ScryptParams = targetParams): boolean {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return true;
  const cost = (x: ScryptParams) => x.N * x.r * x.p;
  if (cost(parsed) !== cost(params)) return cost(parsed) < cost(params);
  return parsed.N !== params.N || parsed.r !== params.r || parsed.p !== params.p;
}

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
