import { type NextRequest, NextResponse } from "next/server";
import { publicUrl } from "@/lib/env";
import { linkPageWait } from "@/lib/http/link-block";
import { logger } from "@/lib/log";
import { refusedPagePost } from "@/lib/proxy/post-guard";
import { REQUEST_ID_HEADER, requestIdOf } from "@/lib/proxy/request-id";
import { contentSecurityPolicy, newNonce, securityHeaders } from "@/lib/proxy/security-headers";

/**
 * Runs before every request, static files included (Next 16's proxy, formerly middleware; there
 * is no matcher, so every response carries the headers): gives the request an id and a CSP nonce,
 * refuses server-action posts from another site or over 1 MB with 403/413, answers the public link
 * pages with 429 while the address is blocked for guessing links, and sets the security headers on
 * the answer. Authorization is not done here: every page, action and route checks the
 * caller itself.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const requestId = requestIdOf(request.headers);
  const https = publicUrl().startsWith("https:");
  const policy = contentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV === "development", https });

  const refusal = await refusedPagePost(request);
  let response: NextResponse;
  if (refusal) {
    logger.warn({ requestId, method: request.method, path: request.nextUrl.pathname, status: refusal.status }, `refused: ${refusal.reason}`);
    response = new NextResponse(`${refusal.reason}.\n`, { status: refusal.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  } else {
    // Next takes the nonce from the request's policy header and puts it on its scripts.
    const forwarded = new Headers(request.headers);
    forwarded.set(REQUEST_ID_HEADER, requestId);
    forwarded.set("content-security-policy", policy);
    // A link page refused to an address that guessed too many links: 429, the page says why.
    const wait = await linkPageWait(request.method, request.nextUrl.pathname, request.headers);
    response = NextResponse.next({ request: { headers: forwarded }, ...(wait !== null && { status: 429 }) });
    if (wait !== null) response.headers.set("retry-after", String(wait));
  }

  for (const [name, value] of Object.entries(securityHeaders(policy, { https }))) response.headers.set(name, value);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  // JSON answers carry a user's data: no browser or shared cache may keep them.
  if (request.nextUrl.pathname.startsWith("/api/")) response.headers.set("cache-control", "no-store");
  return response;
}
