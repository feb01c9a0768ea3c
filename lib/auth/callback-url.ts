const BASE = "http://rapport.invalid";

/**
 * Only same-site paths: an attacker's link must not send a user elsewhere after sign-in. Resolved
 * as the browser would (it drops tabs and newlines, treats "\" as "/"), then required to stay on
 * this origin.
 */
export function safeCallbackUrl(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !raw.startsWith("/")) return "/";
  try {
    const url = new URL(raw, BASE);
    return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}
