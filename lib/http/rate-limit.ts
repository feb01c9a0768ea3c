import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "../db/client";
import { clientAddress } from "./client-ip";

// The wait is worded the same for links and sign-in (the login form, client-side, needs it too).
export { waitText } from "../auth/sign-in-error";

// Guessing links: the rating (/r), unsubscribe (/u) and one-click unsubscribe pages each look a
// secret token up without a session, so each client address may miss (an unknown or malformed
// token) only LINK_MISSES.points times per LINK_MISSES.duration seconds; then every lookup from it
// is refused until the window ends (a hit is refused too, so being blocked tells nothing).
// The counters live in PostgreSQL (the rate_limits table, rate-limiter-flexible's
// RateLimiterPrisma), so every instance of the app counts the same misses.
//
// The client address is lib/http/client-ip.ts's: X-Forwarded-For only as far as the operator
// declares proxies (TRUST_PROXY_HOPS); without a declared proxy every request counts under
// "unknown" (one shared budget, which errs towards refusing, never towards allowing guesses).

export const LINK_MISSES = { points: 20, duration: 10 * 60 } as const;

type Client = ReturnType<typeof db>;

/** A limiter on the app's database; instances on the same database share their counts. */
export function createLinkMissLimiter(client: Client = db(), options: { points?: number; duration?: number } = {}): RateLimiterPrisma {
  return new RateLimiterPrisma({
    storeClient: client,
    tableName: "rateLimit",
    keyPrefix: "link-miss",
    points: options.points ?? LINK_MISSES.points,
    duration: options.duration ?? LINK_MISSES.duration,
  });
}

/** A limiter (or set of them) per database client, made on first use: tests swap the client. */
export function perDatabaseClient<T extends object>(make: (client: Client) => T): () => T {
  const made = new WeakMap<Client, T>();
  return () => {
    const client = db();
    const existing = made.get(client);
    if (existing) return existing;
    const created = make(client);
    made.set(client, created);
    return created;
  };
}

const appLimiter = perDatabaseClient((client) => createLinkMissLimiter(client));

/** An opaque key for a client (or anything else to count): addresses and emails are not stored. */
export function opaqueKey(value: string): string {
  return createHash("sha256").update(value).digest("base64url").slice(0, 32);
}

/** The client's address (see lib/http/client-ip.ts), as an opaque key. */
export function clientKey(headers: Headers): string {
  return opaqueKey(clientAddress(headers) ?? "unknown");
}

/** Seconds until this client may look links up again, or null when it may now. */
export async function blockedFor(key: string, limiter: RateLimiterPrisma = appLimiter()): Promise<number | null> {
  const state = await limiter.get(key);
  if (!state || state.consumedPoints < limiter.points) return null;
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

/** Counts a miss; returns the seconds to wait when this was the last one allowed, else null. */
export async function recordMiss(key: string, limiter: RateLimiterPrisma = appLimiter()): Promise<number | null> {
  try {
    const state = await limiter.consume(key, 1);
    return state.remainingPoints <= 0 ? Math.max(1, Math.ceil(state.msBeforeNext / 1000)) : null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}
