/**
 * The client address behind one trusted reverse proxy. Proxies append the address they saw
 * to X-Forwarded-For, so only the last entry is theirs; earlier entries are whatever the
 * client sent and would let it pick its own rate-limit key and audit address.
 */
export function lastForwardedFor(header: string | undefined): string | null {
  const last = header?.split(",").at(-1)?.trim();
  return last ? last : null;
}
