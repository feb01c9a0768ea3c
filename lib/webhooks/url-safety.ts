import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

// Where a webhook may be sent (decision 030). Only http(s) URLs without credentials; and, unless
// WEBHOOKS_ALLOW_PRIVATE_URLS=true, never to loopback, private, link-local (cloud metadata),
// shared, multicast or reserved addresses, so an admin cannot make the server probe its own
// network. Names are checked as they resolve, in the connection's own look-up, so a name that
// resolves differently between a check and the connection (DNS rebinding) gains nothing.

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(network, prefix, "ipv6");

/** Whether `address` (an IP) is one a webhook must not reach without WEBHOOKS_ALLOW_PRIVATE_URLS. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1] as string, "ipv4");
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

/**
 * Why `value` cannot be a webhook URL, in words for the form, or null. Names are not resolved
 * here (they are at every delivery); an address written in the URL is checked at once.
 */
export function webhookUrlProblem(value: string, { allowPrivate }: { allowPrivate: boolean }): string | null {
  if (!URL.canParse(value)) return "Enter a full URL, e.g. https://itsm.example.org/hooks/rapport.";
  const url = new URL(value);
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Only http:// and https:// URLs can receive webhooks.";
  if (url.username || url.password) return "Leave the user name and password out of the URL: each delivery is signed instead.";
  if (!url.hostname) return "Enter a full URL, e.g. https://itsm.example.org/hooks/rapport.";
  const host = hostOf(url);
  const local = host === "localhost" || host.endsWith(".localhost") || (isIP(host) !== 0 && isPrivateAddress(host));
  if (local && !allowPrivate) return "That address is on this server or a private network, where webhooks are not allowed here (WEBHOOKS_ALLOW_PRIVATE_URLS).";
  return null;
}

export class BlockedAddressError extends Error {
  constructor(host: string) {
    super(`${host} resolves to a private or loopback address; webhooks may not go there (WEBHOOKS_ALLOW_PRIVATE_URLS is not set)`);
    this.name = "BlockedAddressError";
  }
}

/** A DNS look-up for the HTTP client that refuses a name if any of its addresses is private. */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      if (!allowPrivate && addresses.some((entry) => isPrivateAddress(entry.address))) return callback(new BlockedAddressError(hostname), "", 0);
      if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      if (!first) return callback(new Error(`${hostname} has no address`), "", 0);
      callback(null, first.address, first.family);
    });
  };
}

/** An address written in the URL itself is not looked up: checked here instead. */
export function literalAddressBlocked(url: URL, allowPrivate: boolean): boolean {
  const host = hostOf(url);
  return !allowPrivate && isIP(host) !== 0 && isPrivateAddress(host);
}
