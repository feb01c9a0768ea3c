import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "../db/client";

// Guessing links: the rating (/r), unsubscribe (/u) and one-click unsubscribe pages each look a
// secret token up without a session, so each client address may miss (an unknown or malformed
// token) only LINK_MISSES.points times per LINK_MISSES.duration seconds; then every lookup from it
// is refused until the window ends (a hit is refused too, so being blocked tells nothing).
// The counters live in PostgreSQL (the rate_limits table, rate-limiter-flexible's
// RateLimiterPrisma), so every instance of the app counts the same misses.
//
// Trust assumption: the client address is the first hop of X-Forwarded-For, which holds only
// behind a reverse proxy that sets the header itself (replacing what the client sent). Run
// directly on the internet, a client could send a different header each time: put the app
// behind such a proxy (or a CDN) in production. Without the header every request counts under
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

const limiters = new WeakMap<Client, RateLimiterPrisma>();

function appLimiter(): RateLimiterPrisma {
  const client = db();
  let limiter = limiters.get(client);
  if (!limiter) {
    limiter = createLinkMissLimiter(client);
    limiters.set(client, limiter);
  }
  return limiter;
}

/** The client's address (see the trust assumption above), as an opaque key: addresses are not stored. */
export function clientKey(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwarded || headers.get("x-real-ip")?.trim() || "unknown";
  return createHash("sha256").update(address).digest("base64url").slice(0, 32);
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

/** "5 minutes", for the page that says when to try again. */
export function waitText(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? "a minute" : `${minutes} minutes`;
}
