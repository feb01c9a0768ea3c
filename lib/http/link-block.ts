import "server-only";
import { logUnexpected } from "../log";
import { blockedFor, clientKey } from "./rate-limit";

// The public link pages (/r/<token> to rate, /u/<token> to unsubscribe) refuse an address that
// guessed too many links (rate-limit.ts). A page cannot set its own status in the App Router, so
// the proxy asks here first and answers those pages' GETs with 429 and Retry-After (the page still
// renders its "Too many attempts" text): a client or a monitoring tool sees a refusal, not a 200.

const LINK_PAGE = /^\/(r|u)\/[^/]+\/?$/;

/** Seconds this client must wait before opening a link page again, or null (not a link page, not blocked). */
export async function linkPageWait(method: string, pathname: string, headers: Headers): Promise<number | null> {
  if ((method !== "GET" && method !== "HEAD") || !LINK_PAGE.test(pathname)) return null;
  try {
    return await blockedFor(clientKey(headers));
  } catch (error) {
    // The page checks again and answers the outage itself.
    logUnexpected("link page throttle", error);
    return null;
  }
}
