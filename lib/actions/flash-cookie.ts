// The notice shown once after a successful action ("Interaction saved: …"). It travels in a
// short-lived cookie rather than server memory, so any app instance can serve the next page;
// the browser's Toaster reads it and deletes it (so it is not httpOnly: it holds no secret).

export const FLASH_COOKIE = "rapport-flash";

/** Long enough to survive a redirect, short enough that a stale notice never surprises anyone. */
export const FLASH_MAX_AGE_SECONDS = 30;

/** A fresh id in front, so the same notice twice in a row is still two notices. */
export const encodeFlash = (notice: string) => `${crypto.randomUUID().slice(0, 8)}.${encodeURIComponent(notice.slice(0, 500))}`;

export function decodeFlash(value: string): string | null {
  try {
    return decodeURIComponent(value.slice(value.indexOf(".") + 1)) || null;
  } catch {
    return null;
  }
}
