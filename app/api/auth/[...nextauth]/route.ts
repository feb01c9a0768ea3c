import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// next-auth validates its own requests (CSRF token, credentials via the provider's zod check).
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
