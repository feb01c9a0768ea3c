declare module "next-auth" {
  interface User {
    /** The user_sessions row opened by this sign-in. */
    sessionId: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The user_sessions row; absent in cookies from before server-side sessions (they no longer count). */
    sid?: string;
  }
}

export {};
