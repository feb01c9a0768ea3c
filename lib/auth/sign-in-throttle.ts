import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "../db/client";
import { opaqueKey, perDatabaseClient } from "../http/rate-limit";

// Sign-in guesses are slowed at their source, never at the account they aim at (decision 012):
// - per address and account: a person mistyping their password gets 10 tries per 15 minutes;
//   a guesser at one address gets the same, and the account's owner signing in from anywhere
//   else is not affected;
// - per address: 100 attempts an hour whatever the e-mail, so one address cannot spray guesses
//   over many accounts (or flood the server with password hashing); an office behind one NAT
//   address would need 100 failures in an hour to notice.
// Each attempt takes a point from both budgets BEFORE the password is hashed, so an attempt
// over either budget costs two small SQL statements and no hashing. A successful sign-in gives
// both points back (and clears the address+account budget), so only failures accumulate.
// The counters are rows in the rate_limits table: every instance of the app shares them.

export const SIGN_IN_LIMITS = {
  perAccount: { points: 10, duration: 15 * 60 },
  perAddress: { points: 100, duration: 60 * 60 },
} as const;

type Client = ReturnType<typeof db>;
type Limits = { [K in keyof typeof SIGN_IN_LIMITS]: { points: number; duration: number } };

export interface SignInThrottle {
  perAccount: RateLimiterPrisma;
  perAddress: RateLimiterPrisma;
}

/** Limiters on a database; two instances (two clients on one database) share their counts. */
export function createSignInThrottle(client: Client = db(), limits: Limits = SIGN_IN_LIMITS): SignInThrottle {
  const limiter = (keyPrefix: string, { points, duration }: { points: number; duration: number }) =>
    new RateLimiterPrisma({ storeClient: client, tableName: "rateLimit", keyPrefix, points, duration });
  return { perAccount: limiter("sign-in-account", limits.perAccount), perAddress: limiter("sign-in-address", limits.perAddress) };
}

/** The app's throttle, one per database client. */
export const appSignInThrottle = perDatabaseClient((client) => createSignInThrottle(client));

export interface AttemptKeys {
  account: string;
  address: string;
}

/** Opaque keys: neither the address nor the e-mail is stored. Unknown e-mails count like known ones. */
export function attemptKeys(address: string | null, email: string): AttemptKeys {
  const from = address ?? "unknown";
  return { account: opaqueKey(`${from}\n${email.trim().toLowerCase()}`), address: opaqueKey(from) };
}

const secondsOf = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

async function take(limiter: RateLimiterPrisma, key: string): Promise<number | null> {
  try {
    await limiter.consume(key, 1);
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return secondsOf(error);
    throw error;
  }
}

/** Takes this attempt's points; returns the seconds to wait when either budget is spent, else null. */
export async function takeAttempt(throttle: SignInThrottle, keys: AttemptKeys): Promise<number | null> {
  // The narrow budget first: a guesser stuck on one account does not use up the address's budget.
  const account = await take(throttle.perAccount, keys.account);
  if (account !== null) return account;
  const address = await take(throttle.perAddress, keys.address);
  if (address !== null) await throttle.perAccount.reward(keys.account, 1);
  return address;
}

/** A right password: the attempt did not count. */
export async function forgiveAttempt(throttle: SignInThrottle, keys: AttemptKeys): Promise<void> {
  await Promise.all([throttle.perAccount.delete(keys.account), throttle.perAddress.reward(keys.address, 1)]);
}
