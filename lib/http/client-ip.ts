import { env } from "../env";

// Which address a request comes from, for throttling. Next's route handlers and server actions
// never see the socket: Next's own server copies the socket's address into X-Forwarded-For, but
// only when the request carries none (`??=`), so a client that talks to Next directly can put
// anything there. The header is therefore believed only as far as the operator declares:
// TRUST_PROXY_HOPS=N says N reverse proxies, each appending the address it received the request
// from, stand in front of the app. The client is then the N-th entry from the right; whatever the
// client wrote further left is ignored. With 0 (the default) the header is not read at all and
// every request has the unknown address: all clients then share one budget (see decision 012).

/** The address the request came from, or null when no proxy is declared (or it sent no header). */
export function clientAddress(headers: Headers, hops: number = env().TRUST_PROXY_HOPS): string | null {
  if (hops < 1) return null;
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  // Fewer entries than proxies: the request skipped one; the leftmost is the best we know.
  return entries[Math.max(0, entries.length - hops)] ?? null;
}
