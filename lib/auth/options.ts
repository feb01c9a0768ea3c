import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signIn } from "../data/login";
import { endSession, sessionLimits } from "../data/sessions";
import { clientAddress } from "../http/client-ip";
import { logUnexpected } from "../log";
import { loginInputSchema } from "../validation/user";
import { authSecret } from "./secret";
import { throttledError } from "./sign-in-error";

// The JWT cookie carries only the id of a row in user_sessions (lib/data/sessions.ts), which
// decides on every request whether the session still counts; signing out ends that row.
export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  // The cookie lasts no longer than the session's absolute lifetime; the row decides before that.
  session: { strategy: "jwt", maxAge: Math.floor(sessionLimits().maxAgeMs / 1000) },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = loginInputSchema.safeParse(credentials);
        if (!parsed.success) return null;
        let result;
        try {
          const address = clientAddress(new Headers(request.headers as Record<string, string>));
          result = await signIn({ ...parsed.data, address });
        } catch (error) {
          // next-auth would put the error's text in the redirect URL: log it here, tell the user nothing.
          logUnexpected("sign-in", error);
          return null;
        }
        if (result.status === "throttled") throw throttledError(result.retryAfterSeconds);
        return result.status === "ok" ? { id: result.actor.id, sessionId: result.sessionId } : null;
      },
    }),
  ],
  callbacks: {
    // Only the session id (and next-auth's own `sub`, the user id): name, e-mail and role are read from the database.
    jwt: ({ token, user }) => (user ? { sub: user.id, sid: user.sessionId } : token),
    // What /api/auth/session shows the browser: nothing beyond the expiry (current-actor.ts reads the cookie itself).
    session: ({ session }) => ({ expires: session.expires }),
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await endSession(token.sid, "sign-out");
    },
  },
};
