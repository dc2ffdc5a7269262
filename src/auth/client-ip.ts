/**
 * The client address behind one trusted reverse proxy. Proxies append the address they saw
 * to X-Forwarded-For, so only the last entry is theirs; earlier entries are whatever the
 * client sent and would let it pick its own rate-limit key and audit address.
 */
export function lastForwardedFor(header: string | undefined): string | null {
  const last = header?.split(",").at(-1)?.trim();
  return last ? last : null;
}

/**
 * The Node entry's client address. With TRUST_PROXY=1 the proxy's X-Forwarded-For entry,
 * else — and also when a request reaches us without that header, e.g. straight to the port
 * or from a proxy misconfigured for one path — the socket's address, so no request goes
 * without a per-address rate limit.
 */
export function nodeClientIp(input: {
  trustProxy: boolean;
  forwardedFor: string | undefined;
  socketAddress: string | undefined;
}): string | null {
  const forwarded = input.trustProxy ? lastForwardedFor(input.forwardedFor) : null;
  return forwarded ?? input.socketAddress ?? null;
}
