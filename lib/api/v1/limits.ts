import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { db } from "../../db/client";
import { clientKey, opaqueKey, perDatabaseClient } from "../../http/rate-limit";
import { ApiError } from "./errors";

// Rate limits of /api/v1 (decision 029), counted in PostgreSQL's rate_limits table by
// rate-limiter-flexible (as the link-guessing limit is), so every instance of the app shares them.
// Per client address first, before the token is looked up, so guessing tokens is limited too;
// then per token, so one script cannot starve its user's other scripts' address.

export const API_LIMITS = {
  /** Requests per client address per minute (all tokens and failed attempts from it). */
  address: { points: 1200, duration: 60 },
  /** Requests per token per minute. */
  token: { points: 600, duration: 60 },
} as const;

type Client = ReturnType<typeof db>;

export function createApiLimiters(client: Client) {
  const limiter = (keyPrefix: string, { points, duration }: { points: number; duration: number }) =>
    new RateLimiterPrisma({ storeClient: client, tableName: "rateLimit", keyPrefix, points, duration });
  return { address: limiter("api-address", API_LIMITS.address), token: limiter("api-token", API_LIMITS.token) };
}

export const apiLimiters = perDatabaseClient(createApiLimiters);

/** The key a token is counted under (its id, hashed like every other key in rate_limits). */
export const tokenLimitKey = (tokenId: string) => opaqueKey(`token:${tokenId}`);
export const addressLimitKey = (headers: Headers) => clientKey(headers);

/** Counts one request; over the limit it throws a 429 that says when to come back. */
export async function consume(limiter: RateLimiterPrisma, key: string, what: string): Promise<void> {
  try {
    await limiter.consume(key, 1);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new ApiError(429, "rate_limited", `Too many requests from this ${what}: try again in ${seconds} seconds.`, undefined, { "retry-after": String(seconds) });
  }
}
