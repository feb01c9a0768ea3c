import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { safeRedirect } from "@/lib/auth/callback-url";
import { authOptions } from "@/lib/auth/options";
import { currentLogger, withRequestId } from "@/lib/log";

// next-auth validates its own requests (CSRF token, credentials via the provider's zod check).
// Two gaps are closed here: a callbackUrl leaves the site or breaks next-auth's redirect (an
// absolute foreign URL, "//evil", a NUL), and a body next-auth cannot parse (malformed JSON)
// throws. The first becomes a same-site path; the second a 400, never a 500.
const handler = NextAuth({ ...authOptions, callbacks: { ...authOptions.callbacks, redirect: safeRedirect } });

type Context = { params: Promise<{ nextauth: string[] }> };

async function handle(request: NextRequest, context: Context): Promise<Response> {
  return withRequestId(async () => {
    try {
      return await handler(request, context);
    } catch (error) {
      // Only a body that is not JSON (request.json() inside next-auth) is the caller's fault.
      if (!(error instanceof SyntaxError)) throw error;
      currentLogger().info({ path: request.nextUrl.pathname }, "refused: unreadable sign-in request body");
      return Response.json({ error: "This sign-in request could not be read." }, { status: 400 });
    }
  });
}

export { handle as GET, handle as POST };
