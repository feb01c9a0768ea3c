// The notice shown once after an action redirects ("Interaction saved: …"). It travels in a
// short-lived cookie rather than server memory, so any app instance can serve the next page;
// the browser's Toaster reads it and deletes it (so it is not httpOnly: it holds no secret).

export const FLASH_COOKIE = "rapport-flash";

/** Long enough to survive a redirect, short enough that a stale notice never surprises anyone. */
export const FLASH_MAX_AGE_SECONDS = 30;

/** The cookie's value as the browser holds it: Next URI-encodes what an action sets. */
export function decodeFlash(value: string): string | null {
  try {
    return decodeURIComponent(value) || null;
  } catch {
    return null;
  }
}
