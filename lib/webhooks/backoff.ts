// When a failed delivery is tried again: exponential backoff from 30 seconds, four times longer
// each time (30 s, 2 min, 8 min, 32 min, about 2 h), then the delivery is marked failed after
// MAX_ATTEMPTS. Jitter spreads the retries of many deliveries that failed together (a receiver
// down for everyone), so they do not all come back in the same minute.

export const MAX_ATTEMPTS = 6;
const FIRST_DELAY_MS = 30_000;
const FACTOR = 4;

/**
 * The wait after the `attempts`-th failed attempt (1-based), or null when that was the last one.
 * `random` is in [0, 1): up to 10% is added.
 */
export function retryDelayMs(attempts: number, random = Math.random()): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const base = FIRST_DELAY_MS * FACTOR ** (attempts - 1);
  return Math.round(base * (1 + 0.1 * random));
}
