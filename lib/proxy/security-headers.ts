// The headers every response carries (decision 013). The Content-Security-Policy allows only
// scripts that carry this request's nonce, and what they load ('strict-dynamic'): Next reads the
// nonce from the request's CSP header and puts it on its own scripts, so an injected <script> or
// inline handler never runs. Styles may be inline (see the decision): recharts and our own
// components render style attributes, and Radix and sonner insert <style> elements at run time,
// none of which can carry a nonce.

/** A fresh, unguessable nonce for one response (128 bits). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export interface PolicyOptions {
  /** `next dev` rebuilds error stacks with eval(); a production build never needs it. */
  development: boolean;
  /** Served over https: browsers are told to keep to it, and to upgrade any http:// subresource. */
  https: boolean;
}

export function contentSecurityPolicy(nonce: string, { development, https }: PolicyOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Two years, the usual HSTS lifetime; no preload: that is the operator's decision for their domain. */
const HSTS = "max-age=63072000; includeSubDomains";

/**
 * The headers besides the policy. Referrer-Policy is "same-origin" everywhere: other sites never
 * learn which page (or which emailed link, /r/<token>) someone came from, and this app's own form
 * posts keep their Origin (under "no-referrer" the browser sends `Origin: null`, which Next
 * refuses for server actions).
 */
export function securityHeaders(policy: string, { https }: Pick<PolicyOptions, "https">): Record<string, string> {
  return {
    "Content-Security-Policy": policy,
    "X-Content-Type-Options": "nosniff",
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}
