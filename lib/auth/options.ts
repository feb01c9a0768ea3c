import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "../data/login";
import { logUnexpected } from "../log";
import { loginInputSchema } from "../validation/user";
import { authSecret } from "./secret";

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const parsed = loginInputSchema.safeParse(credentials);
        if (!parsed.success) return null;
        try {
          const actor = await authenticate(parsed.data.email, parsed.data.password);
          return actor ? { id: actor.id, name: actor.name, email: actor.email, role: actor.role } : null;
        } catch (error) {
          // next-auth would put the error's text in the redirect URL: log it here, tell the user nothing.
          logUnexpected("sign-in", error);
          return null;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.id = user.id;
        token.role = user.role;
        // Fixed at sign-in (next-auth renews `iat` on every refresh): a later password change ends this session.
        token.signedInAt = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.id, role: token.role, signedInAt: token.signedInAt ?? 0 };
      return session;
    },
  },
};
