const BASE = "http://rapport.invalid";
/** Longer than any page of this app with its query; a longer one is not a link someone followed. */
const MAX_LENGTH = 2048;

/**
 * Only same-site paths: an attacker's link must not send a user elsewhere after sign-in. Resolved
 * as the browser would (it drops tabs and newlines, treats "\" as "/"), then required to stay on
 * this origin. Anything odd (too long, a NUL, a broken character) is the start page, never an error.
 */
export function safeCallbackUrl(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !raw.startsWith("/") || raw.length > MAX_LENGTH || raw.includes("\u0000") || !raw.isWellFormed()) return "/";
  try {
    const url = new URL(raw, BASE);
    return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}

/**
 * next-auth's redirect callback: where to go after signing in or out. next-auth hands it the
 * callbackUrl from the query, the form or its cookie, absolute or not; only this site's paths
 * survive, as `baseUrl` + path.
 */
export function safeRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const path = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url === baseUrl ? "/" : url;
  return `${baseUrl}${safeCallbackUrl(path)}`;
}

/** What next-auth accepts as a callbackUrl at all (its assertConfig answers 500 to anything else): a path or an http(s) URL. */
export function nextAuthAccepts(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? BASE : undefined).protocol);
  } catch {
    return false;
  }
}
