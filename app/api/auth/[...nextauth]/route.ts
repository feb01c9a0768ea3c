import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { z } from "zod";
import { nextAuthAccepts, safeCallbackUrl, safeRedirect } from "@/lib/auth/callback-url";
import { authOptions } from "@/lib/auth/options";
import { currentLogger, withRequestId } from "@/lib/log";

// next-auth validates its own requests (CSRF token, credentials via the provider's zod check).
// The gaps closed here all answered 500: a callbackUrl (query or cookie) that is not a path or an
// http(s) URL ("javascript:", "%", a NUL) fails next-auth's config check, and a JSON body it
// cannot parse throws. Any callbackUrl that does pass ends on this site (safeRedirect).
const handler = NextAuth({ ...authOptions, callbacks: { ...authOptions.callbacks, redirect: safeRedirect } });

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's own actions; any other path (an empty segment too) makes it answer 500, so it is a 404 here. */
const paramsSchema = z.object({
  nextauth: z
    .array(z.string())
    .min(1)
    .max(2)
    .refine(([action]) => ["providers", "session", "csrf", "signin", "signout", "callback", "verify-request", "error", "_log"].includes(action ?? "")),
});

/** next-auth's callback cookie, under both its names (https sites use the __Secure- one). */
const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

function refuse(message: string, clearCookies: string[] = []): Response {
  const response = Response.json({ error: message }, { status: 400 });
  for (const name of clearCookies) response.headers.append("set-cookie", `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`);
  return response;
}

/** The request with an unusable callbackUrl in its query replaced by a safe path. */
async function withUsableCallbackUrl(request: NextRequest): Promise<NextRequest> {
  const callbackUrl = request.nextUrl.searchParams.get("callbackUrl");
  if (callbackUrl === null || nextAuthAccepts(callbackUrl)) return request;
  const url = request.nextUrl.clone();
  url.searchParams.set("callbackUrl", safeCallbackUrl(callbackUrl));
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  return new NextRequest(url, { method: request.method, headers: request.headers, body });
}

async function handle(request: NextRequest, context: Context): Promise<Response> {
  return withRequestId(async () => {
    if (!paramsSchema.safeParse(await context.params).success) return Response.json({ error: "Not found." }, { status: 404 });
    const badCookies = CALLBACK_COOKIES.filter((name) => {
      const value = request.cookies.get(name)?.value;
      return value !== undefined && !nextAuthAccepts(value);
    });
    // The cookie cannot be rewritten for next-auth (it reads the request's own): clear it, and the next try works.
    if (badCookies.length > 0) return refuse("The sign-in page's return address was not valid: try again.", badCookies);
    try {
      return await handler(await withUsableCallbackUrl(request), context);
    } catch (error) {
      // Only a body that is not JSON (request.json() inside next-auth) is the caller's fault.
      if (!(error instanceof SyntaxError)) throw error;
      currentLogger().info({ path: request.nextUrl.pathname }, "refused: unreadable sign-in request body");
      return refuse("This sign-in request could not be read.");
    }
  });
}

export { handle as GET, handle as POST };
